"use client";

/** Subscribes to a feed: the server fetches it once, so a wrong URL is refused here, with the reason. */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { INTERVAL_CHOICES, intervalLabel, useFeedWords } from "./format";

export type CountryChoice = { code: string; name: string };

const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none";

export function AddFeedForm({ countries }: { countries: CountryChoice[] }) {
  const router = useRouter();
  const t = useTranslations("feeds");
  const words = useFeedWords();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch("/api/feeds", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          url: String(data.get("url") ?? ""),
          intervalMinutes: Number(data.get("intervalMinutes")),
          language: data.get("language") || null,
          country: data.get("country") || null,
        }),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; feed?: { title: string | null; url: string } };
      if (!response.ok) {
        setMessage({ kind: "error", text: body.message ?? t("addFailed", { status: response.status }) });
        return;
      }
      setMessage({ kind: "ok", text: t("subscribed", { name: body.feed?.title ?? body.feed?.url ?? "" }) });
      form.reset();
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={t("addLabel")} className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs font-medium text-slate-600">
          {t("url")}
          <input name="url" type="url" required maxLength={2000} placeholder={t("urlPlaceholder")} className={input} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("every")}
          <select name="intervalMinutes" defaultValue="15" className={input}>
            {INTERVAL_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalLabel(minutes, words)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("language")}
          <select name="language" defaultValue="" className={input}>
            <option value="">{t("detect")}</option>
            <option value="fr">{t("french")}</option>
            <option value="en">{t("english")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("countryHint")}
          <select name="country" defaultValue="" className={input}>
            <option value="">{t("none")}</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy} className={buttonClass("primary")}>
          {busy ? t("checking") : t("add")}
        </button>
      </div>
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={`mt-2 text-sm ${message.kind === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
