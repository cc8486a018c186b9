"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/auth/action-message";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";
import { ROLES } from "@/lib/auth/roles";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const FIELD = "h-9 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none";

export function CreateUserForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const t = useTranslations("users");
  const tRole = useTranslations("roles");
  return (
    <section className="mb-5 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("add")}</h2>
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("email")}
          <input name="email" type="email" required className={`${FIELD} w-64`} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("name")}
          <input name="name" className={`${FIELD} w-48`} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("role")}
          <select name="role" defaultValue="viewer" className={FIELD}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRole(role)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t("password")}
          <input name="password" type="password" autoComplete="new-password" placeholder={t("passwordPlaceholder")} className={`${FIELD} w-52`} />
        </label>
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? t("creating") : t("create")}
        </button>
      </form>
      <div className="mt-3 max-w-xl empty:hidden">
        <ActionMessage state={state} />
      </div>
    </section>
  );
}
