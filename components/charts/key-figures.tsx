/** The key figures of the filter: counts, with unknown fatalities counted apart and the change against the previous period. */
import type { KeyFigures as Figures } from "@/lib/incidents/stats";
import { formatChange, formatCount } from "./format";

function Change({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <span className="text-slate-400">{label}: —</span>;
  const tone = value > 0 ? "text-red-700" : value < 0 ? "text-emerald-700" : "text-slate-600";
  return (
    <span className={tone}>
      {formatChange(value)} <span className="text-slate-500">{label}</span>
    </span>
  );
}

function Card({ label, value, children, testId }: { label: string; value: string; children?: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {children ? <div className="mt-1 text-xs text-slate-600">{children}</div> : null}
    </div>
  );
}

export function KeyFigures({ figures }: { figures: Figures }) {
  const previous = figures.previous;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <Card label="Incidents" value={formatCount(figures.incidents)} testId="figure-incidents">
        {previous ? <Change value={figures.change.incidents} label={`vs ${formatCount(previous.incidents)} before`} /> : null}
        {figures.period ? (
          <p className="text-slate-500">
            {figures.period.from} → {figures.period.to}
          </p>
        ) : null}
      </Card>
      <Card label="Fatalities (known)" value={formatCount(figures.fatalities)} testId="figure-fatalities">
        {previous ? <Change value={figures.change.fatalities} label={`vs ${formatCount(previous.fatalities)} before`} /> : null}
        <p className="text-slate-500">
          from {formatCount(figures.incidentsWithKnownFatalities)} incidents with a known toll
        </p>
      </Card>
      <Card label="Unknown toll" value={formatCount(figures.incidentsWithUnknownFatalities)} testId="figure-unknown">
        <p className="text-slate-500">incidents whose fatalities are not known (not counted as zero)</p>
      </Card>
      <Card label="Regions" value={formatCount(figures.regions)} testId="figure-regions">
        <p className="text-slate-500">distinct admin1 regions</p>
      </Card>
      <Card label="Actors" value={formatCount(figures.actors)} testId="figure-actors">
        <p className="text-slate-500">distinct actors involved</p>
      </Card>
      <p className="col-span-full -mt-1 text-xs text-slate-500">
        {previous
          ? `Change against the previous period of the same length (${previous.from} → ${previous.to}).`
          : "Set a start date in the filter to compare with the previous period of the same length."}
      </p>
    </div>
  );
}
