import { useTranslations } from "next-intl";

/** First-load placeholder with the table's shape, so the page does not jump when rows arrive. */
export function IncidentsTableSkeleton({ columns, rows = 12 }: { columns: number; rows?: number }) {
  const t = useTranslations("incidents");
  return (
    <div role="status" aria-busy aria-label={t("loading")} className="animate-pulse">
      <div className="mb-2 h-5 w-40 rounded bg-slate-200" />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <div className="flex gap-4 border-b border-slate-200 bg-slate-50 px-3 py-2.5">
          {Array.from({ length: columns }, (_, index) => (
            <div key={index} className="h-3 flex-1 rounded bg-slate-200" />
          ))}
        </div>
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex gap-4 border-b border-slate-100 px-3 py-3">
            {Array.from({ length: columns }, (_, index) => (
              <div key={index} className="h-3 flex-1 rounded bg-slate-100" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
