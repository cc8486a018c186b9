"use client";

/** The key figures of the filter: counts, with unknown fatalities counted apart and the change against the previous period. */
import { useTranslations } from "next-intl";
import type { KeyFigures as Figures } from "@/lib/incidents/stats-types";
import { useFormat } from "@/components/ui/use-format";

function Change({ value, label }: { value: number | null; label: string }) {
  const format = useFormat();
  const t = useTranslations("keyFigures");
  if (value === null) return <span className="text-slate-600">{t("noChange", { label })}</span>;
  const tone = value > 0 ? "text-red-700" : value < 0 ? "text-emerald-700" : "text-slate-600";
  return (
    <span className={tone}>
      {format.change(value)} <span className="text-slate-600">{label}</span>
    </span>
  );
}

function Card({ label, value, children, testId }: { label: string; value: string; children?: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {children ? <div className="mt-1 text-xs text-slate-600">{children}</div> : null}
    </div>
  );
}

export function KeyFigures({ figures }: { figures: Figures }) {
  const t = useTranslations("keyFigures");
  const format = useFormat();
  const previous = figures.previous;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <Card label={t("incidents")} value={format.number(figures.incidents)} testId="figure-incidents">
        {previous ? <Change value={figures.change.incidents} label={t("versus", { count: format.number(previous.incidents) })} /> : null}
        {figures.period ? (
          <p>
            {format.day(figures.period.from)} → {format.day(figures.period.to)}
          </p>
        ) : null}
      </Card>
      <Card label={t("fatalities")} value={format.number(figures.fatalities)} testId="figure-fatalities">
        {previous ? <Change value={figures.change.fatalities} label={t("versus", { count: format.number(previous.fatalities) })} /> : null}
        <p>{t("fromKnown", { n: figures.incidentsWithKnownFatalities })}</p>
      </Card>
      <Card label={t("unknown")} value={format.number(figures.incidentsWithUnknownFatalities)} testId="figure-unknown">
        <p>{t("unknownHint")}</p>
      </Card>
      <Card label={t("regions")} value={format.number(figures.regions)} testId="figure-regions">
        <p>{t("regionsHint")}</p>
      </Card>
      <Card label={t("actors")} value={format.number(figures.actors)} testId="figure-actors">
        <p>{t("actorsHint")}</p>
      </Card>
      <p className="col-span-full -mt-1 text-xs text-slate-600">
        {previous ? t("comparedWith", { from: format.day(previous.from), to: format.day(previous.to) }) : t("noComparison")}
      </p>
    </div>
  );
}
