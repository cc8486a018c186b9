/**
 * The overview's benchmark: every aggregate of /overview (getOverviewStats) for a mix of filters, timed
 * end to end through the data layer, p50/p95 per filter and over all runs. Called by `npm run bench`
 * (scripts/bench/bench.ts) on its seeded database; also runnable alone on any seeded database:
 *   npx tsx scripts/bench/bench-overview.ts postgresql://postgres@127.0.0.1:5432/vigie_bench [--runs 15]
 *
 * Each filter is run once untimed first (plans and caches warm, as for an analyst clicking around), then
 * `runs` times; filters are interleaved so a burst of load on the machine spreads over all of them.
 */

type Context = { databaseUrl: string; runs?: number; log?: (line: string) => void };

export type OverviewBench = {
  overviewP95Ms: number;
  overviewP50Ms: number;
  overviewMaxMs: number;
  runs: number;
  incidents: number;
  perFilter: { name: string; query: string; bucket: string; incidents: number; p50Ms: number; p95Ms: number }[];
};

/** The explorer's table mix where it applies to charts (paging and sorting do not), both time buckets. */
const CASES = [
  { name: "no filter", query: "", bucket: "month" },
  { name: "no filter, weekly", query: "", bucket: "week" },
  { name: "admin1 Kayes (admin2 breakdown)", query: "admin1=Kayes", bucket: "month" },
  { name: "country Mali", query: "country=Mali", bucket: "month" },
  { name: "actor GSIM (alias of JNIM)", query: "actor=GSIM", bucket: "month" },
  { name: "Battles, last 2 years (with previous period)", query: "eventType=Battles&from=2024-11-01", bucket: "week" },
  { name: "3 regions + JNIM + 2 years", query: "admin1=Mopti&admin1=Segou&admin1=Timbuktu&actor=JNIM&from=2024-11-01", bucket: "month" },
  { name: "verified, 10+ killed", query: "status=verified&minFatalities=10", bucket: "month" },
  { name: "full text 'explosif' in Burkina Faso", query: "q=explosif&country=Burkina Faso", bucket: "month" },
] as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (value: number) => Math.round(value * 10) / 10;

export async function benchOverview(input: string | Context): Promise<OverviewBench> {
  const context: Context = typeof input === "string" ? { databaseUrl: input } : input;
  const runs = context.runs ?? 15;
  const log = context.log ?? ((line: string) => console.log(line));
  // The data layer's one client reads DATABASE_URL on first use; the explorer's bench has set it already.
  process.env.DATABASE_URL ??= context.databaseUrl;
  if (process.env.DATABASE_URL !== context.databaseUrl) throw new Error("benchOverview: DATABASE_URL already points at another database");

  // A database seeded before the overview's covering index (migration ..._overview_covering_index) gets it
  // now; a no-op when the migrations are up to date.
  const { migrate } = await import("../../lib/db/migrate");
  await migrate(context.databaseUrl);
  const { parseIncidentFilter } = await import("../../lib/incidents/filters");
  const { getOverviewStats } = await import("../../lib/incidents/stats");
  const cases = CASES.map((item) => ({ ...item, filter: parseIncidentFilter(new URLSearchParams(item.query)), times: [] as number[], incidents: 0 }));

  log(`overview: ${cases.length} filters × ${runs} runs (after one warm-up each)`);
  for (const item of cases) item.incidents = (await getOverviewStats(item.filter, item.bucket)).keyFigures.incidents;
  for (let run = 0; run < runs; run++) {
    for (const item of cases) {
      const started = performance.now();
      await getOverviewStats(item.filter, item.bucket);
      item.times.push(performance.now() - started);
    }
  }
  const perFilter = cases.map((item) => ({
    name: item.name,
    query: item.query,
    bucket: item.bucket,
    incidents: item.incidents,
    p50Ms: round(percentile(item.times, 50)),
    p95Ms: round(percentile(item.times, 95)),
  }));
  for (const row of perFilter) {
    log(`  ${row.name.padEnd(46)} ${String(row.incidents).padStart(9)} incidents  p50 ${String(row.p50Ms).padStart(7)} ms  p95 ${String(row.p95Ms).padStart(7)} ms`);
  }
  const all = cases.flatMap((item) => item.times);
  const result = {
    overviewP95Ms: round(percentile(all, 95)),
    overviewP50Ms: round(percentile(all, 50)),
    overviewMaxMs: round(Math.max(...all)),
    runs,
    incidents: cases[0]!.incidents,
    perFilter,
  };
  log(`overview: p50 ${result.overviewP50Ms} ms, p95 ${result.overviewP95Ms} ms over ${all.length} runs (target p95 ≤ 300 ms)`);
  return result;
}

if (process.argv[1] && import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error("usage: npx tsx scripts/bench/bench-overview.ts <database url> [--runs N]");
  const runsIndex = process.argv.indexOf("--runs");
  const result = await benchOverview({ databaseUrl: url, runs: runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 15 });
  const { prisma } = await import("../../lib/db/client");
  await prisma.$disconnect();
  console.log(JSON.stringify(result));
}
