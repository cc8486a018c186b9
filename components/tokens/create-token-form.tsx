"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/auth/action-message";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function CreateTokenForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const t = useTranslations("tokens");
  return (
    <section className="mb-5 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("new")}</h2>
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("name")}
          <input
            name="name"
            required
            maxLength={100}
            placeholder={t("namePlaceholder")}
            className="w-72 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("scopeLabel")}
          <select name="scope" defaultValue="read-write" className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs">
            <option value="read-write">{t("scope.read-write")}</option>
            <option value="read">{t("readOnly")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("expiresAfter")}
          <input
            name="expiresInDays"
            type="number"
            min={1}
            max={365}
            placeholder={t("never")}
            className="w-32 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none"
          />
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("creating") : t("create")}
        </button>
      </form>
      <div className="mt-3 max-w-2xl empty:hidden">
        <ActionMessage state={state} />
      </div>
    </section>
  );
}
