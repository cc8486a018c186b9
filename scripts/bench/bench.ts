/**
 * `npm run bench [-- --count N] [--reseed] [--runs R]`: the speed figures of the incidents explorer.
 *
 * Seeds N synthetic incidents (default 1,000,000) into a dedicated database `vigie_bench` on the server of
 * DATABASE_URL (or on the embedded PostgreSQL), reused by later runs when it already holds N incidents, then
 * measures, in this one process:
 *  - table pages (rows + total, through lib/incidents/table.ts) over a fixed mix of filter combinations,
 *    p50/p95, against the best hand-written SQL for the same result on a raw pg connection (ratio printed);
 *  - the CSV export of every row (lib/incidents/export.ts): rows/s, time to first byte, peak RSS growth;
 *  - the overview aggregates, when scripts/bench/bench-overview.ts exists (it exports `benchOverview`).
 * The last line printed is one JSON object with all figures. It runs under the react-server condition
 * (package.json) because it loads the server-only data layer, as the server does.
 */
import { existsSync } from "node:fs";
import pg from "pg";
import { parseCount } from "../data/seed-synthetic";
import { benchDatabase } from "../lib/bench-database";
import { reportFailures } from "../lib/cli";

reportFailures("npm run bench");

const argv = process.argv.slice(2);
const count = parseCount(argv, 1_000_000);
const runs = Number(argv[argv.indexOf("--runs") + 1] ?? 0) || 15;
const reseed = argv.includes("--reseed");
const log = (line: string) => console.log(line);

if (existsSync(".env")) process.loadEnvFile(".env");

const bench = await benchDatabase({ name: "vigie_bench", count, seed: 7, reseed, log });
const benchQuery = bench.query;
const { prisma } = await import("../../lib/db/client");

const { parseIncidentFilter } = await import("../../lib/incidents/filters");
const { getIncidentPage } = await import("../../lib/incidents/table");
const { ESTIMATE_ONLY_ABOVE, COUNT_BUDGET_MS } = await import("../../lib/incidents/count");
const { openIncidentExport } = await import("../../lib/incidents/export");

// ---------------------------------------------------------------------------------------------- table pages
/**
 * The mix: what analysts do all day. Each has the data-layer query string and the hand-written SQL an
 * expert would write for the same rows (ids of actors resolved by hand, no alias lookup, literal ORDER BY).
 */
const twoYearsAgo = "2024-11-01";
type Case = { name: string; query: string; where: string; order?: string; offset?: number };
const jnim = (await benchQuery<{ id: number }>("SELECT id FROM actor WHERE name = 'JNIM'"))[0]!.id;
const CASES: Case[] = [
  { name: "no filter", query: "", where: "merged_into_id IS NULL" },
  { name: "admin1 Kayes", query: "admin1=Kayes", where: "merged_into_id IS NULL AND (admin1 = 'Kayes' OR admin1_reform = 'Kayes')" },
  { name: "country Mali", query: "country=Mali", where: "merged_into_id IS NULL AND country = 'Mali'" },
  {
    name: "actor GSIM (alias of JNIM)",
    query: "actor=GSIM",
    where: `merged_into_id IS NULL AND EXISTS (SELECT 1 FROM incident_actor ia WHERE ia.incident_id = i.id AND ia.actor_id = ${jnim})`,
  },
  { name: "Battles, last 2 years", query: `eventType=Battles&from=${twoYearsAgo}`, where: `merged_into_id IS NULL AND event_type = 'Battles' AND event_date >= '${twoYearsAgo}'` },
  {
    name: "3 regions + JNIM + 2 years",
    query: `admin1=Mopti&admin1=Segou&admin1=Timbuktu&actor=JNIM&from=${twoYearsAgo}`,
    where: `merged_into_id IS NULL AND (admin1 IN ('Mopti', 'Segou', 'Timbuktu') OR admin1_reform IN ('Mopti', 'Segou', 'Timbuktu')) AND event_date >= '${twoYearsAgo}'
            AND EXISTS (SELECT 1 FROM incident_actor ia WHERE ia.incident_id = i.id AND ia.actor_id = ${jnim})`,
  },
  { name: "verified, 10+ killed", query: "status=verified&minFatalities=10", where: "merged_into_id IS NULL AND status = 'verified' AND fatalities >= 10" },
  {
    name: "full text 'explosif' in Burkina Faso",
    query: "q=explosif&country=Burkina Faso",
    where: `merged_into_id IS NULL AND country = 'Burkina Faso' AND search_vector @@ (websearch_to_tsquery('french', 'explosif') || websearch_to_tsquery('english', 'explosif') || websearch_to_tsquery('simple', 'explosif'))`,
  },
  { name: "locality Sandaré (small set, unindexed)", query: "location=Sandaré", where: "merged_into_id IS NULL AND location = 'Sandaré'" },
  { name: "Mali, page 20", query: "country=Mali&page=20", where: "merged_into_id IS NULL AND country = 'Mali'", offset: 19 * 50 },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The hand-written baseline computes the same result (a page and its total) the fastest way we know on a
 * single raw connection, with the same count strategy as the data layer (the page, the planner estimate,
 * an exact count within the same time budget when the estimate is small). It therefore measures what the data layer's abstraction (Prisma, the filter builder, the alias
 * lookup) costs over raw SQL.
 */
const hand = new pg.Client({ connectionString: bench.url });
await hand.connect();
async function handWritten(test: Case): Promise<number> {
  const order = test.order ?? "i.event_date DESC, i.id DESC";
  const rows = await hand.query(`SELECT i.id, to_char(i.event_date, 'YYYY-MM-DD') AS event_date, i.event_type, i.sub_event_type, i.country, i.admin1,
      i.admin1_reform, i.admin2, i.location, i.latitude, i.longitude, i.geo_precision, i.fatalities, i.actor_names, i.status, i.summary,
      i.updated_at, i.version, i.end_date, i.date_precision
    FROM incident i WHERE ${test.where} ORDER BY ${order} LIMIT 50 OFFSET ${test.offset ?? 0}`);
  const plan = await hand.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM incident i WHERE ${test.where}`);
  const estimate = (plan.rows[0]["QUERY PLAN"] as { Plan: { "Plan Rows": number } }[])[0]!.Plan["Plan Rows"];
  if (rows.rows.length < 50 || estimate > ESTIMATE_ONLY_ABOVE) return rows.rows.length;
  await hand.query("BEGIN");
  await hand.query(`SET LOCAL statement_timeout = ${COUNT_BUDGET_MS}`);
  await hand.query("SET LOCAL jit = off");
  await hand.query(`SELECT count(*) FROM incident i WHERE ${test.where}`).catch((error: { code?: string }) => {
    if (error.code !== "57014") throw error;
  });
  await hand.query("ROLLBACK");
  return rows.rows.length;
}

log(`table pages: ${CASES.length} filter combinations x ${runs} runs (after a warm-up run)`);
const layerSamples: number[] = [];
const handSamples: number[] = [];
const perCase: Record<string, { rows: number; total: number; estimate: boolean; layerP50: number; handP50: number }> = {};
for (const test of CASES) {
  const filter = parseIncidentFilter(new URLSearchParams(test.query));
  const first = await getIncidentPage(filter);
  const handRows = await handWritten(test);
  if (handRows !== first.rows.length) throw new Error(`${test.name}: data layer returned ${first.rows.length} rows, hand-written SQL ${handRows}`);
  const layer: number[] = [];
  const manual: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so neither always benefits from the other's cache warm-up.
    const order = run % 2 === 0 ? ["layer", "hand"] : ["hand", "layer"];
    for (const which of order) {
      const started = performance.now();
      if (which === "layer") await getIncidentPage(filter);
      else await handWritten(test);
      (which === "layer" ? layer : manual).push(performance.now() - started);
    }
  }
  layerSamples.push(...layer);
  handSamples.push(...manual);
  perCase[test.name] = { rows: first.rows.length, total: first.total, estimate: first.totalIsEstimate, layerP50: round(percentile(layer, 50), 2), handP50: round(percentile(manual, 50), 2) };
  log(
    `  ${test.name.padEnd(40)} total ${first.totalIsEstimate ? "~" : " "}${String(first.total).padStart(9)}  layer p50 ${percentile(layer, 50).toFixed(2)} ms p95 ${percentile(layer, 95).toFixed(2)} ms | hand p50 ${percentile(manual, 50).toFixed(2)} ms`,
  );
}
await hand.end();
const pageP95 = percentile(layerSamples, 95);
const handP95 = percentile(handSamples, 95);
log(`table page p95: data layer ${pageP95.toFixed(1)} ms, hand-written SQL ${handP95.toFixed(1)} ms, ratio ${(pageP95 / handP95).toFixed(2)}`);

// ---------------------------------------------------------------------------------------------- export
async function measureExport() {
  const { parseExportParams } = await import("../../lib/incidents/export");
  const options = parseExportParams(new URLSearchParams(""));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const { body, rowCount } = await openIncidentExport(options, { user: null, ip: "bench" });
  const reader = body.getReader();
  let firstByteMs: number | null = null;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByteMs ??= performance.now() - started;
    bytes += value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const totalMs = performance.now() - started;
  clearInterval(sampler);
  const rows = (await rowCount) ?? -1;
  return { rows, bytes, totalMs, firstByteMs: firstByteMs ?? totalMs, rssGrowthMb: (peak - rssBefore) / 1024 / 1024 };
}
log("export: all rows, default columns...");
const exported = await measureExport();
const rowsPerSecond = exported.rows / (exported.totalMs / 1000);
log(
  `  ${exported.rows.toLocaleString("en")} rows, ${(exported.bytes / 1024 / 1024).toFixed(0)} MB in ${(exported.totalMs / 1000).toFixed(2)} s = ` +
    `${Math.round(rowsPerSecond).toLocaleString("en")} rows/s; first byte after ${exported.firstByteMs.toFixed(0)} ms; peak RSS growth ${exported.rssGrowthMb.toFixed(1)} MB`,
);
if (exported.rows !== count) throw new Error(`export wrote ${exported.rows} rows, expected ${count}`);

// ---------------------------------------------------------------------------------------------- overview
// Extension point for the overview's aggregates: scripts/bench/bench-overview.ts, when present, exports
// `benchOverview({ databaseUrl, runs, log })` returning its figures, which are merged into the JSON line.
let overview: Record<string, unknown> | null = null;
if (existsSync(new URL("./bench-overview.ts", import.meta.url))) {
  const module = (await import(new URL("./bench-overview.ts", import.meta.url).href)) as {
    benchOverview?: (context: { databaseUrl: string; runs: number; log: (line: string) => void }) => Promise<Record<string, unknown>>;
  };
  if (module.benchOverview) overview = await module.benchOverview({ databaseUrl: bench.url, runs, log });
}

await prisma.$disconnect();
await bench.stop();

console.log(
  JSON.stringify({
    incidents: count,
    seedSeconds: bench.seedMs === null ? null : round(bench.seedMs / 1000),
    tablePage: {
      combinations: CASES.length,
      runsEach: runs,
      p50Ms: round(percentile(layerSamples, 50), 2),
      p95Ms: round(pageP95, 2),
      handWrittenP95Ms: round(handP95, 2),
      ratioToHandWritten: round(pageP95 / handP95, 2),
      perCase,
    },
    export: {
      rows: exported.rows,
      megabytes: round(exported.bytes / 1024 / 1024),
      seconds: round(exported.totalMs / 1000, 2),
      rowsPerSecond: Math.round(rowsPerSecond),
      firstByteMs: round(exported.firstByteMs),
      peakRssGrowthMb: round(exported.rssGrowthMb),
    },
    ...(overview ? { overview } : {}),
  }),
);
process.exit(0);
