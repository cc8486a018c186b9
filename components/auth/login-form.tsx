"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";

type Props = { callbackUrl: string; initialError?: string | null };

type Problem = "invalid" | "throttled" | "unavailable";

export function LoginForm({ callbackUrl, initialError }: Props) {
  const [problem, setProblem] = useState<Problem | null>(initialError ? "invalid" : null);
  const [pending, setPending] = useState(false);
  const t = useTranslations("login");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        // A full load, so the server renders the dashboard with the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      setProblem(result?.status === 429 ? "throttled" : result?.status === 401 ? "invalid" : "unavailable");
    } catch {
      setProblem("unavailable");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {problem ? (
        <p role="alert" className={`rounded-md px-3 py-2 text-sm ${problem === "throttled" ? "bg-amber-50 text-amber-800 ring-1 ring-amber-200" : "bg-red-50 text-red-700 ring-1 ring-red-200"}`}>
          {t(`problem.${problem}`)}
        </p>
      ) : null}
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t("email")}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t("password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex w-full items-center justify-center rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white shadow-xs transition-colors hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-wait disabled:bg-brand-600/60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
