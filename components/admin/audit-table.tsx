import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import type { AuditRow } from "@/lib/audit/queries";

/** An audit row as the page hands it over: the date already serialized. */
export type AuditTableRow = Omit<AuditRow, "createdAt"> & { createdAt: string };

/** Details as compact `key=value` pairs: readable in a dense row, complete on hover. */
function describe(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object" || Array.isArray(details)) return JSON.stringify(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("  ");
}

/** Who acted when no signed-in user did: the command line, or an anonymous sign-in attempt. */
function actorless(details: unknown, commandLine: string): string {
  const via = details && typeof details === "object" ? (details as Record<string, unknown>).via : undefined;
  return via === "cli" ? commandLine : "—";
}

const ACTION_TONES: [prefix: string, className: string][] = [
  ["auth.login_failed", "bg-red-50 text-red-700 ring-red-200"],
  ["auth.login_throttled", "bg-amber-50 text-amber-800 ring-amber-200"],
  ["auth.", "bg-slate-100 text-slate-700 ring-slate-200"],
  ["user.", "bg-violet-50 text-violet-700 ring-violet-200"],
  ["token.", "bg-sky-50 text-sky-700 ring-sky-200"],
];

function tone(action: string): string {
  return ACTION_TONES.find(([prefix]) => action.startsWith(prefix))?.[1] ?? "bg-brand-50 text-brand-700 ring-brand-100";
}

export function AuditTable({ rows }: { rows: AuditTableRow[] }) {
  const t = useTranslations("audit");
  const format = useFormat();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" tabIndex={0} role="region" aria-label={t("tableLabel")}>
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
          <tr>
            <th className="whitespace-nowrap px-3 py-2">{t("column.time")}</th>
            <th className="px-3 py-2">{t("column.user")}</th>
            <th className="px-3 py-2">{t("column.action")}</th>
            <th className="px-3 py-2">{t("column.target")}</th>
            <th className="px-3 py-2">{t("column.details")}</th>
            <th className="px-3 py-2">{t("column.address")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const details = describe(row.details);
            return (
              <tr key={row.id} className="align-top">
                <td className="whitespace-nowrap px-3 py-1.5 tabular-nums text-slate-600">
                  {format.day(row.createdAt)} {row.createdAt.slice(11, 19)}
                </td>
                <td className="whitespace-nowrap px-3 py-1.5">{row.userEmail ?? <span className="text-slate-600">{actorless(row.details, t("commandLine"))}</span>}</td>
                <td className="whitespace-nowrap px-3 py-1.5">
                  <span className={`rounded px-1.5 py-0.5 font-mono text-xs ring-1 ${tone(row.action)}`}>{row.action}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-1.5 text-slate-600">
                  {row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : <span className="text-slate-600">—</span>}
                </td>
                <td className="max-w-xl truncate px-3 py-1.5 font-mono text-xs text-slate-600" title={details}>
                  {details}
                </td>
                <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs text-slate-600">{row.ip ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
