/**
 * Every overview aggregate equals the number of rows the table's query returns for the same filter (the
 * filter plus the bar's own value), on real PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { REGION_SHAPES, totalsByShape } from "@/lib/geo/boundaries";
import { parseIncidentFilter, type IncidentFilter } from "@/lib/incidents/filters";
import { narrowPatch, periodPatch, withFilter, type FilterPatch } from "@/lib/incidents/overview-links";
import { getIncidentPage } from "@/lib/incidents/table";
import { getOverviewStats, MAP_POINT_CAP } from "@/lib/incidents/stats";
import { previousPeriod } from "@/lib/incidents/stats-shape";
import { incidentWhere } from "@/lib/incidents/where";
import { seedOverviewFixtures } from "./fixtures";

beforeAll(() => seedOverviewFixtures());

const filterOf = (query: string) => parseIncidentFilter(new URLSearchParams(query));

/** What the table shows for a filter: the count of its WHERE clause, the one the table pages through. */
async function tableCount(filter: IncidentFilter, patch: FilterPatch | null = {}): Promise<number> {
  if (!patch) throw new Error("a clickable bar must have a patch");
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM incident i ${incidentWhere(withFilter(filter, patch))}`;
  return row!.count;
}

async function tableSums(filter: IncidentFilter): Promise<{ fatalities: number; unknown: number; regions: number; actors: number }> {
  const [row] = await prisma.$queryRaw<{ fatalities: number; unknown: number; regions: number; actors: number }[]>`
    SELECT coalesce(sum(i.fatalities), 0)::int AS fatalities, count(*) FILTER (WHERE i.fatalities IS NULL)::int AS unknown,
      count(DISTINCT i.admin1)::int AS regions,
      (SELECT count(DISTINCT ia.actor_id)::int FROM incident_actor ia WHERE ia.incident_id IN (SELECT i.id FROM incident i ${incidentWhere(filter)})) AS actors
    FROM incident i ${incidentWhere(filter)}`;
  return row!;
}

const FILTERS = [
  "",
  "admin1=Kayes",
  "country=Mali",
  "actor=JNIM",
  "actor=GSIM&status=verified",
  "eventType=Battles&from=2023-06-15",
  "admin1=Mopti",
  "admin1=Gao&admin1=Menaka&from=2024-02-10&to=2024-08-20",
  "q=Synthetic&geoPrecision=1",
];

describe.each(FILTERS)("overview aggregates for ?%s", (query) => {
  const filter = filterOf(query);

  it("key figures equal the table's count and sums, unknown fatalities counted apart", async () => {
    const stats = await getOverviewStats(filter, "month");
    const sums = await tableSums(filter);
    const total = await tableCount(filter);
    expect(stats.keyFigures.incidents).toBe(total);
    expect(stats.keyFigures.fatalities).toBe(sums.fatalities);
    expect(stats.keyFigures.incidentsWithUnknownFatalities).toBe(sums.unknown);
    expect(stats.keyFigures.incidentsWithKnownFatalities).toBe(total - sums.unknown);
    expect(stats.keyFigures.regions).toBe(sums.regions);
    expect(stats.keyFigures.actors).toBe(sums.actors);
    if (total <= 500) expect((await getIncidentPage({ ...filter, pageSize: 500 })).rows).toHaveLength(total);
  });

  it("each time-series segment (week and month) equals the table for its period and type", async () => {
    for (const bucket of ["month", "week"] as const) {
      const stats = await getOverviewStats(filter, bucket);
      let sum = 0;
      for (const point of stats.timeSeries.points) {
        for (const [eventType, incidents] of Object.entries(point.byType)) {
          if (incidents === 0 && point.period.endsWith("5")) continue; // keep the run short: most zeros are checked, not all
          const patch = narrowPatch(filter, { ...periodPatch(filter, point.period, bucket), eventType: [eventType] });
          expect(await tableCount(filter, patch), `${point.period} ${eventType}`).toBe(incidents);
        }
        sum += point.incidents;
      }
      expect(sum).toBe(stats.keyFigures.incidents);
    }
  });

  it("regions, actors, types and the actor × region matrix equal the table for each clickable bar", async () => {
    const stats = await getOverviewStats(filter, "month");
    const regionKey = stats.byRegion.level;
    expect(regionKey).toBe(filter.admin1.length === 1 ? "admin2" : "admin1");
    /** The table count behind a click; a bar that narrowPatch refuses is shown but not clickable. */
    const clicked = async (patch: FilterPatch, key: keyof IncidentFilter) => {
      const narrowed = narrowPatch(filter, patch);
      if (!narrowed) {
        expect((filter[key] as string[]).length).toBeGreaterThan(0); // only refused when the filter already lists that parameter
        return undefined;
      }
      return tableCount(filter, narrowed);
    };
    let checked = 0;
    for (const row of stats.byRegion.rows.filter((item) => item.name !== null)) {
      const count = await clicked({ [regionKey]: [row.name!] }, regionKey);
      if (count !== undefined) expect(count, `region ${row.name}`).toBe(row.incidents), checked++;
    }
    expect(stats.byRegion.rows.reduce((sum, row) => sum + row.incidents, 0)).toBe(stats.keyFigures.incidents);
    for (const row of stats.byActor.rows) {
      const count = await clicked({ actor: [row.actor] }, "actor");
      if (count !== undefined) expect(count, `actor ${row.actor}`).toBe(row.incidents), checked++;
    }
    for (const row of stats.byType) {
      expect(await clicked({ eventType: [row.eventType], subEventType: [row.subEventType] }, "eventType"), row.subEventType).toBe(row.incidents);
    }
    expect(stats.byType.reduce((sum, row) => sum + row.incidents, 0)).toBe(stats.keyFigures.incidents);
    for (const cell of stats.actorRegion.cells) {
      const count = await clicked({ actor: [cell.actor], [regionKey]: [cell.region] }, "actor");
      if (count !== undefined) expect(count, `${cell.actor} × ${cell.region}`).toBe(cell.incidents), checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("the map's region totals, summed into shapes, equal the table filtered on the shape's regions", async () => {
    const stats = await getOverviewStats(filter, "month");
    const { byShape, unplaced } = totalsByShape(stats.map.regions);
    for (const shape of REGION_SHAPES) {
      const shown = byShape.get(shape.properties.id)?.incidents ?? 0;
      const patch = narrowPatch(filter, { admin1: shape.properties.admin1Names });
      if (patch) expect(await tableCount(filter, patch), shape.properties.name).toBe(shown);
      else expect(shown).toBe(0); // a shape the filter does not list has no incident under it
    }
    const placed = [...byShape.values()].reduce((sum, totals) => sum + totals.incidents, 0);
    expect(placed + unplaced).toBe(stats.keyFigures.incidents);
    const precise = await tableCount(filter, {}).then(() =>
      prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM incident i ${incidentWhere(filter)} AND i.geo_precision = 1 AND i.latitude IS NOT NULL`,
    );
    expect(stats.map.pointsTotal).toBe(precise[0]!.count);
    expect(stats.map.points.length).toBe(Math.min(MAP_POINT_CAP, precise[0]!.count));
    expect(stats.map.points.every((point) => Number.isFinite(point.latitude) && Number.isFinite(point.longitude))).toBe(true);
  });
});

describe("overview specifics", () => {
  it("buckets days at the month and ISO-week edges of a new year", async () => {
    const filter = filterOf("admin1=Dakar");
    const months = await getOverviewStats(filter, "month");
    expect(months.timeSeries.points.map((point) => [point.period, point.incidents])).toEqual([
      ["2024-12-01", 3],
      ["2025-01-01", 3],
    ]);
    const weeks = await getOverviewStats(filter, "week");
    // 2024-12-29 is a Sunday (week of 23 Dec); 30 Dec to 5 Jan is ISO week 1 of 2025, across the year.
    expect(weeks.timeSeries.points.map((point) => [point.period, point.incidents])).toEqual([
      ["2024-12-23", 1],
      ["2024-12-30", 4],
      ["2025-01-06", 1],
    ]);
  });

  it("keeps unknown fatalities apart from zero", async () => {
    const stats = await getOverviewStats(filterOf("admin1=Dakar&to=2024-12-30"), "month");
    // 29 Dec: unknown toll; 30 Dec: zero killed.
    expect(stats.keyFigures).toMatchObject({ incidents: 2, fatalities: 0, incidentsWithKnownFatalities: 1, incidentsWithUnknownFatalities: 1 });
    expect(stats.timeSeries.points[0]).toMatchObject({ incidents: 2, fatalities: 0, fatalitiesUnknown: 1 });
    expect(stats.byRegion.rows[0]).toMatchObject({ name: "Dakar", incidents: 2, fatalities: 0, fatalitiesUnknown: 1 });
  });

  it("compares with the previous period of the same length, counted like the table", async () => {
    const filter = filterOf("country=Mali&from=2024-03-01&to=2024-05-31");
    const stats = await getOverviewStats(filter, "month");
    expect(stats.keyFigures.previous).toMatchObject(previousPeriod({ from: "2024-03-01", to: "2024-05-31" }));
    const previous = stats.keyFigures.previous!;
    const before = await tableCount(filter, { from: previous.from, to: previous.to });
    expect(previous.incidents).toBe(before);
    expect(before).toBeGreaterThan(0);
    expect(stats.keyFigures.change.incidents).toBeCloseTo((stats.keyFigures.incidents - before) / before);
    // No start date: nothing to compare with.
    expect((await getOverviewStats(filterOf("country=Mali"), "month")).keyFigures.previous).toBeNull();
  });

  it("counts Ménaka's incidents in Gao's shape on the map, and clicking Gao filters on both", async () => {
    const stats = await getOverviewStats(filterOf(""), "month");
    const gao = REGION_SHAPES.find((shape) => shape.properties.admin1 === "Gao")!;
    expect(gao.properties.admin1Names).toEqual(["Gao", "Menaka"]);
    const menaka = stats.map.regions.find((row) => row.admin1 === "Menaka")!;
    const gaoOnly = stats.map.regions.find((row) => row.admin1 === "Gao")!;
    expect(menaka.incidents).toBeGreaterThan(0);
    expect(totalsByShape(stats.map.regions).byShape.get(gao.properties.id)!.incidents).toBe(gaoOnly.incidents + menaka.incidents);
  });

  it("one read of the incidents (time and breakdown in one statement) gives the figures of the two scans", async () => {
    const cases = [
      ["", "month"],
      ["q=Synthetic", "week"],
      ["q=Kayes&from=2023-06-07", "month"], // search with a previous period; incidents on its first day
      ["location=Bandiagara", "month"],
      ["admin1=Mopti&q=Synthetic", "month"], // admin2 breakdown
      ["actor=GSIM&eventType=Battles&from=2023-03-20&to=2024-02-29", "week"],
      ["q=nothingmatchesthis", "month"],
    ] as const;
    for (const [search, bucket] of cases) {
      const filter = filterOf(search);
      const separate = await getOverviewStats(filter, bucket, { rollups: false, onePass: false });
      expect(await getOverviewStats(filter, bucket, { rollups: false, onePass: true }), `?${search} by ${bucket}`).toEqual(separate);
      const total = await tableCount(filter);
      expect(separate.keyFigures.incidents, search).toBe(total);
      if (!search.includes("nothing")) expect(total, search).toBeGreaterThan(0);
    }
  });

  it("a filter matching nothing gives zeros and empty lists, not an error", async () => {
    const stats = await getOverviewStats(filterOf("admin1=Nowhere"), "week");
    expect(stats.keyFigures).toMatchObject({ incidents: 0, fatalities: 0, regions: 0, actors: 0, period: null, previous: null });
    expect(stats.timeSeries.points).toEqual([]);
    expect(stats.byRegion.rows).toEqual([]);
    expect(stats.byActor.rows).toEqual([]);
    expect(stats.map.points).toEqual([]);
  });
});
