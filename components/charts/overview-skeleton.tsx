import { useTranslations } from "next-intl";

/** Placeholder while the overview's aggregates are computed: the same grid, so nothing jumps. */
function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-lg border border-slate-200 bg-white ${className}`}><div className="m-4 h-3 w-40 rounded bg-slate-100" /></div>;
}

export function OverviewSkeleton() {
  const t = useTranslations("overview");
  return (
    <div className="space-y-4" role="status" aria-busy="true" aria-label={t("loading")}>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        {Array.from({ length: 5 }, (_, index) => (
          <Block key={index} className="h-24" />
        ))}
      </div>
      <Block className="h-[380px]" />
      <Block className="h-[560px]" />
      <div className="grid gap-4 xl:grid-cols-2">
        {Array.from({ length: 4 }, (_, index) => (
          <Block key={index} className="h-80" />
        ))}
      </div>
    </div>
  );
}
