import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { DayInput } from "@/components/forms/day-input";

type Props = { actions: string[]; values: { action?: string; user?: string; from?: string; to?: string } };

const FIELD = "h-9 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none";

/** A plain GET form: the filter lives in the URL, so a filtered view of the trail can be shared as a link. */
export function AuditFilters({ actions, values }: Props) {
  const groups = [...new Set(actions.map((action) => action.split(".")[0]))];
  const t = useTranslations("audit");
  return (
    <form action="/admin/audit" className="mb-3 flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("action")}
        <select name="action" defaultValue={values.action ?? ""} className={`${FIELD} w-56`}>
          <option value="">{t("allActions")}</option>
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              <option value={`${group}.`}>{t("allGroup", { group: `${group}.*` })}</option>
              {actions
                .filter((action) => action.startsWith(`${group}.`))
                .map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("user")}
        <input name="user" defaultValue={values.user ?? ""} placeholder={t("userPlaceholder")} className={`${FIELD} w-56`} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("from")}
        <DayInput name="from" defaultValue={values.from ?? ""} className={FIELD} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {t("to")}
        <DayInput name="to" defaultValue={values.to ?? ""} className={FIELD} />
      </label>
      <button type="submit" className={buttonClass("primary")}>
        {t("filter")}
      </button>
      {values.action || values.user || values.from || values.to ? (
        <Link href="/admin/audit" className={buttonClass("ghost")}>
          {t("clear")}
        </Link>
      ) : null}
    </form>
  );
}
