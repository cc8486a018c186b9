import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";

export type SourceRow = {
  id: number;
  title: string | null;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  ingestedAt: string;
  ingestedBy: string;
  incidents: number;
};

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-1.5 align-top";

export function SourcesTable({ rows }: { rows: SourceRow[] }) {
  const t = useTranslations("sources");
  const format = useFormat();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" tabIndex={0} role="region" aria-label={t("tableLabel")}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>{t("column.title")}</th>
            <th scope="col" className={th}>{t("column.publisher")}</th>
            <th scope="col" className={th}>{t("column.published")}</th>
            <th scope="col" className={th}>{t("column.language")}</th>
            <th scope="col" className={`${th} text-right`}>{t("column.incidents")}</th>
            <th scope="col" className={th}>{t("column.ingested")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className={`${td} max-w-xl`}>
                <Link href={`/sources/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.title ?? t("untitled")}
                </Link>
                {row.url ? <div className="truncate text-xs text-slate-600">{row.url}</div> : null}
              </td>
              <td className={td}>{row.publisher ?? "—"}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{row.publishedAt ? format.day(row.publishedAt) : "—"}</td>
              <td className={`${td} uppercase text-slate-600`}>{row.language ?? "—"}</td>
              <td className={`${td} text-right tabular-nums`}>
                <Link href={`/incidents?source=${row.id}`} className="text-brand-700 hover:underline">{row.incidents}</Link>
              </td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                {format.dateTime(row.ingestedAt)} · {row.ingestedBy}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
