"use client";

/**
 * The overview's charts and map for one filter. Everything drills down: a click adds its value to the
 * filter on /overview (router.push, so Back undoes it), and every card links to the table with the
 * card's filter. The numbers arrive ready from lib/incidents/stats.ts; this only lays them out.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { IncidentFilter } from "@/lib/incidents/filters";
import { narrowPatch, overviewHref, periodPatch, tableHref, type FilterPatch } from "@/lib/incidents/overview-links";
import type { OverviewStats } from "@/lib/incidents/stats";
import { SahelMap } from "@/components/map/sahel-map";
import { EmptyState } from "@/components/ui/empty-state";
import { ActorRegionMatrix, matrixHeight } from "./actor-region-matrix";
import { ChartCard } from "./chart-card";
import { eventTypeColor } from "./colors";
import { formatCount, formatPeriod } from "./format";
import { barsHeight, HorizontalBarChart, type BarRow } from "./horizontal-bar-chart";
import { KeyFigures } from "./key-figures";
import { TimeSeriesChart } from "./time-series-chart";

const MAX_REGION_BARS = 20;

type Props = { stats: OverviewStats; filter: IncidentFilter };

function NoData({ children }: { children: React.ReactNode }) {
  return <p className="flex h-24 items-center justify-center rounded-md bg-slate-50 text-sm text-slate-500">{children}</p>;
}

export function OverviewDashboard({ stats, filter }: Props) {
  const router = useRouter();
  const { bucket } = stats;
  // Every click goes through narrowPatch: the drilled-down view shows exactly the clicked bar's incidents.
  const patches = new Map<string, FilterPatch>();
  const patchFor = (key: string, patch: FilterPatch): boolean => {
    const narrowed = narrowPatch(filter, patch);
    if (narrowed) patches.set(key, narrowed);
    return narrowed !== null;
  };
  const drill = (patch: FilterPatch | null | undefined) => {
    if (patch) router.push(overviewHref(filter, patch, bucket), { scroll: false });
  };
  const table = tableHref(filter);
  const regionKey = stats.byRegion.level;
  const regionLabel = regionKey === "admin2" ? "district (admin2)" : "region (admin1)";

  if (stats.keyFigures.incidents === 0) {
    return (
      <div className="space-y-4">
        <KeyFigures figures={stats.keyFigures} />
        <EmptyState title="No incident matches this filter">Remove a filter value or widen the dates to see charts.</EmptyState>
      </div>
    );
  }

  const regionRows: BarRow[] = stats.byRegion.rows.slice(0, MAX_REGION_BARS).map((row) => ({
    key: `${row.country}|${row.name ?? ""}`,
    label: row.name ?? `Unknown ${regionKey} (${row.country})`,
    value: row.incidents,
    selectable: row.name !== null && patchFor(`region|${row.country}|${row.name}`, { [regionKey]: [row.name] }),
    detail: `${row.country} · ${formatCount(row.fatalities)} fatalities${row.fatalitiesUnknown ? `, ${formatCount(row.fatalitiesUnknown)} incidents with unknown toll` : ""}`,
  }));
  const actorRows: BarRow[] = [
    ...stats.byActor.rows.map((row) => ({
      key: row.actor,
      label: row.actor,
      value: row.incidents,
      selectable: patchFor(`actor|${row.actor}`, { actor: [row.actor] }),
      detail: `${formatCount(row.fatalities)} fatalities in those incidents`,
    })),
    ...(stats.byActor.other.actors
      ? [{ key: "other", label: `Other (${stats.byActor.other.actors} actors)`, value: stats.byActor.other.involvements, selectable: false, detail: "Involvements of the other actors (an incident with two of them counts twice)" }]
      : []),
  ];
  const typeRows: BarRow[] = stats.byType.map((row) => ({
    key: `${row.eventType}|${row.subEventType}`,
    label: row.subEventType,
    value: row.incidents,
    color: eventTypeColor(row.eventType),
    selectable: patchFor(`type|${row.eventType}|${row.subEventType}`, { eventType: [row.eventType], subEventType: [row.subEventType] }),
    detail: `${row.eventType} · ${formatCount(row.fatalities)} fatalities`,
  }));

  const bucketSwitch = (
    <div role="group" aria-label="Time bucket" className="inline-flex rounded-md border border-slate-200 p-0.5 text-xs">
      {(["week", "month"] as const).map((value) => (
        <Link
          key={value}
          href={overviewHref(filter, {}, value)}
          scroll={false}
          replace
          aria-current={bucket === value ? "true" : undefined}
          className={`rounded px-2 py-0.5 capitalize ${bucket === value ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {value === "week" ? "Weekly" : "Monthly"}
        </Link>
      ))}
    </div>
  );

  return (
    <div className="space-y-4">
      <KeyFigures figures={stats.keyFigures} />

      <ChartCard
        title={`Incidents per ${bucket}, by event type`}
        subtitle={`${formatCount(stats.keyFigures.incidents)} incidents, ${formatCount(stats.keyFigures.fatalities)} known fatalities${bucket === "week" ? " · weeks start on Monday (ISO)" : ""}`}
        tableHref={table}
        controls={bucketSwitch}
        testId="chart-time"
        placeholderHeight="300px"
        data={{
          caption: `Incidents and fatalities per ${bucket}`,
          columns: [bucket === "week" ? "Week of" : "Month", "Incidents", "Fatalities (known)", "Unknown toll", ...stats.timeSeries.eventTypes],
          rows: stats.timeSeries.points.map((point) => [
            formatPeriod(point.period, bucket),
            point.incidents,
            point.fatalities,
            point.fatalitiesUnknown,
            ...stats.timeSeries.eventTypes.map((type) => point.byType[type] ?? 0),
          ]),
        }}
      >
        <TimeSeriesChart
          points={stats.timeSeries.points}
          eventTypes={stats.timeSeries.eventTypes}
          bucket={bucket}
          onSelect={(period, eventType) => drill(narrowPatch(filter, { ...periodPatch(filter, period, bucket), eventType: [eventType] }))}
        />
      </ChartCard>

      <ChartCard
        title="Map"
        subtitle="Regions shaded by incident count; points are incidents located precisely"
        tableHref={table}
        testId="chart-map"
        placeholderHeight="min(60vw, 540px)"
        data={{
          caption: "Incidents per admin1 region",
          columns: ["Region", "Country", "Incidents", "Fatalities (known)", "Unknown toll", "Precisely located"],
          rows: stats.map.regions.map((row) => [row.admin1 ?? "(no region)", row.country, row.incidents, row.fatalities, row.fatalitiesUnknown, row.precise]),
        }}
      >
        <SahelMap
          regions={stats.map.regions}
          points={stats.map.points}
          pointsTotal={stats.map.pointsTotal}
          pointsTruncated={stats.map.pointsTruncated}
          canSelectRegion={(names) => narrowPatch(filter, { admin1: names }) !== null}
          onSelectRegion={(names) => drill(narrowPatch(filter, { admin1: names }))}
        />
      </ChartCard>

      <div className="grid gap-4 xl:grid-cols-2">
        <ChartCard
          title={`Incidents by ${regionLabel}`}
          subtitle={regionRows.length < stats.byRegion.rows.length ? `Top ${regionRows.length} of ${stats.byRegion.rows.length}; the table below lists all` : undefined}
          tableHref={table}
          testId="chart-region"
          placeholderHeight={`${barsHeight(regionRows.length)}px`}
          data={{
            caption: `Incidents by ${regionLabel}`,
            columns: [regionKey === "admin2" ? "District" : "Region", "Country", "Incidents", "Fatalities (known)", "Unknown toll"],
            rows: stats.byRegion.rows.map((row) => [row.name ?? "(unknown)", row.country, row.incidents, row.fatalities, row.fatalitiesUnknown]),
          }}
        >
          <HorizontalBarChart rows={regionRows} valueLabel="incidents" onSelect={(row) => drill(patches.get(`region|${row.key}`))} />
        </ChartCard>

        <ChartCard
          title="Incidents by actor"
          subtitle={`${stats.byActor.rows.length ? `Top ${stats.byActor.rows.length} actors` : "No actor"}${stats.byActor.withoutActor ? ` · ${formatCount(stats.byActor.withoutActor)} incidents name no actor` : ""}`}
          tableHref={table}
          testId="chart-actor"
          placeholderHeight={`${barsHeight(actorRows.length)}px`}
          data={{
            caption: "Incidents involving each actor",
            columns: ["Actor", "Incidents", "Fatalities (known)"],
            rows: [
              ...stats.byActor.rows.map((row) => [row.actor, row.incidents, row.fatalities]),
              ...(stats.byActor.other.actors ? [[`Other (${stats.byActor.other.actors} actors, involvements)`, stats.byActor.other.involvements, ""]] : []),
            ],
          }}
        >
          {actorRows.length ? (
            <HorizontalBarChart rows={actorRows} valueLabel="incidents" labelWidth={210} onSelect={(row) => drill(patches.get(`actor|${row.key}`))} />
          ) : (
            <NoData>No actor is named in these incidents.</NoData>
          )}
        </ChartCard>

        <ChartCard
          title="Incidents by event type and sub-type"
          subtitle="Colour is the event type"
          tableHref={table}
          testId="chart-type"
          placeholderHeight={`${barsHeight(typeRows.length)}px`}
          data={{
            caption: "Incidents by event type and sub-type",
            columns: ["Sub-type", "Event type", "Incidents", "Fatalities (known)", "Unknown toll"],
            rows: stats.byType.map((row) => [row.subEventType, row.eventType, row.incidents, row.fatalities, row.fatalitiesUnknown]),
          }}
        >
          <HorizontalBarChart rows={typeRows} valueLabel="incidents" labelWidth={210} onSelect={(row) => drill(patches.get(`type|${row.key}`))} />
        </ChartCard>

        <ChartCard
          title={`Actors × ${regionKey === "admin2" ? "districts" : "regions"}`}
          subtitle={`Incidents involving each of the top ${stats.actorRegion.actors.length} actors in the top ${stats.actorRegion.regions.length} ${regionKey === "admin2" ? "districts" : "regions"}; an incident with two actors counts for each`}
          tableHref={table}
          testId="chart-matrix"
          placeholderHeight={`${matrixHeight(stats.actorRegion.actors.length)}px`}
          data={{
            caption: "Incidents by actor and region",
            columns: ["Actor", ...stats.actorRegion.regions],
            rows: stats.actorRegion.actors.map((actor) => [
              actor,
              ...stats.actorRegion.regions.map((region) => stats.actorRegion.cells.find((cell) => cell.actor === actor && cell.region === region)?.incidents ?? 0),
            ]),
          }}
        >
          {stats.actorRegion.actors.length && stats.actorRegion.regions.length ? (
          <ActorRegionMatrix
            actors={stats.actorRegion.actors}
            regions={stats.actorRegion.regions}
            cells={stats.actorRegion.cells}
            canSelect={(actor, region) => narrowPatch(filter, { actor: [actor], [regionKey]: [region] }) !== null}
            onSelect={(actor, region) => drill(narrowPatch(filter, { actor: [actor], [regionKey]: [region] }))}
          />
          ) : (
            <NoData>No named actor in a known {regionKey === "admin2" ? "district" : "region"} for this filter.</NoData>
          )}
        </ChartCard>
      </div>
    </div>
  );
}
