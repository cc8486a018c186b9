"use client";

/**
 * The overview's charts and map for one filter. Everything drills down: a click adds its value to the
 * filter on /overview (router.push, so Back undoes it), and every card links to the table with the
 * card's filter. The numbers arrive ready from lib/incidents/stats.ts; this only lays them out.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { useFormat } from "@/components/ui/use-format";
import type { IncidentFilter } from "@/lib/incidents/filters";
import { narrowPatch, overviewHref, periodPatch, tableHref, type FilterPatch } from "@/lib/incidents/overview-links";
import type { OverviewStats } from "@/lib/incidents/stats-types";
import { SahelMap } from "@/components/map/sahel-map";
import { EmptyState } from "@/components/ui/empty-state";
import { ActorRegionMatrix, matrixHeight } from "./actor-region-matrix";
import { ChartCard } from "./chart-card";
import { eventTypeColor } from "./colors";
import { formatPeriod } from "./format";
import { barsHeight, HorizontalBarChart, type BarRow } from "./horizontal-bar-chart";
import { KeyFigures } from "./key-figures";
import { TimeSeriesChart } from "./time-series-chart";

const MAX_REGION_BARS = 20;

type Props = { stats: OverviewStats; filter: IncidentFilter };

function NoData({ children }: { children: React.ReactNode }) {
  return <p className="flex h-24 items-center justify-center rounded-md bg-slate-50 text-sm text-slate-600">{children}</p>;
}

export function OverviewDashboard({ stats, filter }: Props) {
  const router = useRouter();
  const t = useTranslations("overview");
  const format = useFormat();
  const formatCount = format.number;
  const label = useCodeLabel();
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
  const level = regionKey === "admin2" ? "district" : "region";

  if (stats.keyFigures.incidents === 0) {
    return (
      <div className="space-y-4">
        <KeyFigures figures={stats.keyFigures} />
        <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
      </div>
    );
  }

  const regionRows: BarRow[] = stats.byRegion.rows.slice(0, MAX_REGION_BARS).map((row) => ({
    key: `${row.country}|${row.name ?? ""}`,
    label: row.name ?? t("unknownPlace", { level, country: label("country", row.country) }),
    value: row.incidents,
    selectable: row.name !== null && patchFor(`region|${row.country}|${row.name}`, { [regionKey]: [row.name] }),
    detail: `${label("country", row.country)} · ${t("fatalities", { count: formatCount(row.fatalities) })}${row.fatalitiesUnknown ? `, ${t("unknownToll", { count: formatCount(row.fatalitiesUnknown) })}` : ""}`,
  }));
  const actorRows: BarRow[] = [
    ...stats.byActor.rows.map((row) => ({
      key: row.actor,
      label: row.actor,
      value: row.incidents,
      selectable: patchFor(`actor|${row.actor}`, { actor: [row.actor] }),
      detail: t("actorFatalities", { count: formatCount(row.fatalities) }),
    })),
    ...(stats.byActor.other.actors
      ? [{ key: "other", label: t("otherActors", { count: formatCount(stats.byActor.other.actors) }), value: stats.byActor.other.involvements, selectable: false, detail: t("otherActorsDetail") }]
      : []),
  ];
  const typeRows: BarRow[] = stats.byType.map((row) => ({
    key: `${row.eventType}|${row.subEventType}`,
    label: label("subEventType", row.subEventType),
    value: row.incidents,
    color: eventTypeColor(row.eventType),
    selectable: patchFor(`type|${row.eventType}|${row.subEventType}`, { eventType: [row.eventType], subEventType: [row.subEventType] }),
    detail: `${label("eventType", row.eventType)} · ${t("fatalities", { count: formatCount(row.fatalities) })}`,
  }));

  const bucketSwitch = (
    <div role="group" aria-label={t("bucket.label")} className="inline-flex rounded-md border border-slate-200 p-0.5 text-xs">
      {(["week", "month"] as const).map((value) => (
        <Link
          key={value}
          href={overviewHref(filter, {}, value)}
          scroll={false}
          replace
          aria-current={bucket === value ? "true" : undefined}
          className={`rounded px-2 py-0.5 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${bucket === value ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {t(`bucket.${value}`)}
        </Link>
      ))}
    </div>
  );

  return (
    <div className="space-y-4">
      <KeyFigures figures={stats.keyFigures} />

      <ChartCard
        title={t("time.title", { bucket })}
        subtitle={`${t("time.subtitle", { n: stats.keyFigures.incidents, fatalities: formatCount(stats.keyFigures.fatalities) })}${bucket === "week" ? ` · ${t("time.isoWeeks")}` : ""}`}
        tableHref={table}
        controls={bucketSwitch}
        testId="chart-time"
        placeholderHeight="300px"
        data={{
          caption: t("time.caption", { bucket }),
          columns: [t(`column.${bucket}`), t("column.incidents"), t("column.fatalities"), t("column.unknown"), ...stats.timeSeries.eventTypes.map((type) => label("eventType", type))],
          rows: stats.timeSeries.points.map((point) => [
            formatPeriod(point.period, bucket, format),
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
        title={t("map.title")}
        subtitle={t("map.subtitle")}
        tableHref={table}
        testId="chart-map"
        placeholderHeight="min(60vw, 540px)"
        data={{
          caption: t("map.caption"),
          columns: [t("column.region"), t("column.country"), t("column.incidents"), t("column.fatalities"), t("column.unknown"), t("column.precise")],
          rows: stats.map.regions.map((row) => [row.admin1 ?? t("noRegion"), label("country", row.country), row.incidents, row.fatalities, row.fatalitiesUnknown, row.precise]),
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
          title={t("byRegion.title", { level })}
          subtitle={regionRows.length < stats.byRegion.rows.length ? t("byRegion.top", { shown: regionRows.length, total: stats.byRegion.rows.length }) : undefined}
          tableHref={table}
          testId="chart-region"
          placeholderHeight={`${barsHeight(regionRows.length)}px`}
          data={{
            caption: t("byRegion.title", { level }),
            columns: [t(`column.${level}`), t("column.country"), t("column.incidents"), t("column.fatalities"), t("column.unknown")],
            rows: stats.byRegion.rows.map((row) => [row.name ?? t("unknown"), label("country", row.country), row.incidents, row.fatalities, row.fatalitiesUnknown]),
          }}
        >
          <HorizontalBarChart rows={regionRows} valueLabel={t("incidentsUnit")} labelWidth={190} onSelect={(row) => drill(patches.get(`region|${row.key}`))} />
        </ChartCard>

        <ChartCard
          title={t("byActor.title")}
          subtitle={`${stats.byActor.rows.length ? t("byActor.top", { count: stats.byActor.rows.length }) : t("byActor.none")}${stats.byActor.withoutActor ? ` · ${t("byActor.without", { count: formatCount(stats.byActor.withoutActor) })}` : ""}`}
          tableHref={table}
          testId="chart-actor"
          placeholderHeight={`${barsHeight(actorRows.length)}px`}
          data={{
            caption: t("byActor.caption"),
            columns: [t("column.actor"), t("column.incidents"), t("column.fatalities")],
            rows: [
              ...stats.byActor.rows.map((row) => [row.actor, row.incidents, row.fatalities]),
              ...(stats.byActor.other.actors ? [[t("otherActorsRow", { count: formatCount(stats.byActor.other.actors) }), stats.byActor.other.involvements, ""]] : []),
            ],
          }}
        >
          {actorRows.length ? (
            <HorizontalBarChart rows={actorRows} valueLabel={t("incidentsUnit")} labelWidth={250} onSelect={(row) => drill(patches.get(`actor|${row.key}`))} />
          ) : (
            <NoData>{t("byActor.noData")}</NoData>
          )}
        </ChartCard>

        <ChartCard
          title={t("byType.title")}
          subtitle={t("byType.subtitle")}
          tableHref={table}
          testId="chart-type"
          placeholderHeight={`${barsHeight(typeRows.length)}px`}
          data={{
            caption: t("byType.title"),
            columns: [t("column.subType"), t("column.eventType"), t("column.incidents"), t("column.fatalities"), t("column.unknown")],
            rows: stats.byType.map((row) => [label("subEventType", row.subEventType), label("eventType", row.eventType), row.incidents, row.fatalities, row.fatalitiesUnknown]),
          }}
        >
          <HorizontalBarChart rows={typeRows} valueLabel={t("incidentsUnit")} labelWidth={250} onSelect={(row) => drill(patches.get(`type|${row.key}`))} />
        </ChartCard>

        <ChartCard
          title={t("matrix.title", { level })}
          subtitle={t("matrix.subtitle", { actors: stats.actorRegion.actors.length, regions: stats.actorRegion.regions.length, level })}
          tableHref={table}
          testId="chart-matrix"
          placeholderHeight={`${matrixHeight(stats.actorRegion.actors.length)}px`}
          data={{
            caption: t("matrix.caption"),
            columns: [t("column.actor"), ...stats.actorRegion.regions],
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
            <NoData>{t("matrix.noData", { level })}</NoData>
          )}
        </ChartCard>
      </div>
    </div>
  );
}
