import Link from "next/link";

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

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "px-3 py-1.5 align-top";

export function SourcesTable({ rows }: { rows: SourceRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>Title</th>
            <th className={th}>Publisher</th>
            <th className={th}>Published</th>
            <th className={th}>Lang</th>
            <th className={`${th} text-right`}>Incidents</th>
            <th className={th}>Ingested</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <td className={`${td} max-w-xl`}>
                <Link href={`/sources/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.title ?? "Untitled"}
                </Link>
                {row.url ? <div className="truncate text-xs text-slate-400">{row.url}</div> : null}
              </td>
              <td className={td}>{row.publisher ?? "—"}</td>
              <td className={`${td} tabular-nums`}>{row.publishedAt ?? "—"}</td>
              <td className={`${td} uppercase text-slate-500`}>{row.language ?? "—"}</td>
              <td className={`${td} text-right tabular-nums`}>
                <Link href={`/incidents?source=${row.id}`} className="text-brand-700 hover:underline">{row.incidents}</Link>
              </td>
              <td className={`${td} whitespace-nowrap text-slate-500`}>
                {row.ingestedAt.slice(0, 16).replace("T", " ")} · {row.ingestedBy}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
