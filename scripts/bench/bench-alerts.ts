/**
 * `npm run bench:alerts [-- --count N] [--reseed] [--batches B] [--skip-surges]`: the speed figures of alerting.
 *
 * Seeds N synthetic incidents (default 1,000,000, scripts/data/seed-synthetic.ts) into its own database
 * `vigie_bench_alerts` on the server of DATABASE_URL (or the embedded PostgreSQL), or copies `npm run
 * bench`'s `vigie_bench` when that holds N incidents; reused by later runs when it already holds N
 * incidents. Then measures in this one process:
 *  - evaluation: 1,000 active watches (30 % a region and an actor, 20 % a district, 20 % a region and an
 *    event type, 10 % 10+ killed in a country, 10 % an actor in a country, 10 % a word in a region; 5 %
 *    verified only), then B batches (default 30) of 100 new incidents, each evaluated by
 *    lib/alerts/evaluate.ts (matching, exactly-once rows, alerts and inbox rows): p50/p95 per batch, and
 *    the CPU time a batch costs this process and PostgreSQL (the load-independent figure);
 *  - surges: lib/alerts/surge.ts's computation over every admin1, admin2 and actor of the whole table, and
 *    for one country: p50/max of 5 runs.
 * The watches are inserted without their baseline (this run's batches are all new incidents anyway). The
 * last line printed is one JSON object with all figures.
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { parseCount } from "../data/seed-synthetic";
import { benchDatabase } from "../lib/bench-database";

const argv = process.argv.slice(2);
const count = parseCount(argv, 1_000_000);
const batches = Number(argv[argv.indexOf("--batches") + 1] ?? 0) || 30;
const reseed = argv.includes("--reseed");
const skipSurges = argv.includes("--skip-surges");
const WATCHES = 1_000;
const BATCH = 100;
const log = (line: string) => console.log(line);

if (existsSync(".env")) process.loadEnvFile(".env");

const bench = await benchDatabase({ name: "vigie_bench_alerts", count, seed: 11, reseed, log, seededWhere: "summary NOT LIKE 'bench copy %'", copyFrom: "vigie_bench" });
const run = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => bench.query<T>(text, values);
const { prisma } = await import("../../lib/db/client");

const { evaluatePending } = await import("../../lib/alerts/evaluate");
const { computeSurges } = await import("../../lib/alerts/surge");
const { parseIncidentFilter } = await import("../../lib/incidents/filters");

// Leftovers of an earlier run: its copies, watches and alerts.
await run(`TRUNCATE watch, watch_match, watch_signal, alert, alert_recipient, alert_delivery, alert_pending CASCADE`);
await run(`DELETE FROM incident WHERE summary LIKE 'bench copy %'`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (value: number) => Math.round(value * 10) / 10;

// ------------------------------------------------------------------------------------------------ surges
const asOf = (await run<{ day: string }>("SELECT max(event_date)::text AS day FROM incident"))[0]!.day;
const surgeAll: number[] = [];
const surgeMali: number[] = [];
let surgeCount = 0;
for (let index = 0; index < (skipSurges ? 0 : 5); index++) {
  let started = performance.now();
  surgeCount = (await computeSurges(null, asOf)).length;
  surgeAll.push(performance.now() - started);
  started = performance.now();
  await computeSurges(parseIncidentFilter(new URLSearchParams("country=Mali")), asOf);
  surgeMali.push(performance.now() - started);
}
log(`surges on ${asOf} over every admin1, admin2 and actor: ${surgeCount} found, p50 ${round(percentile(surgeAll, 50))} ms, max ${round(Math.max(...surgeAll))} ms; Mali only: p50 ${round(percentile(surgeMali, 50))} ms`);

// ---------------------------------------------------------------------------------------------- watches
const places = await run<{ country: string; admin1: string; admin2: string }>("SELECT DISTINCT country, admin1, admin2 FROM incident_rollup WHERE admin1 <> '' AND admin2 <> '' ORDER BY 1, 2, 3");
const actors = ["JNIM", "Islamic State Sahel", "Unidentified Armed Group", "Ansaroul Islam", "Dozo Communal Militia", "Islamic State West Africa Province", "GSIM", "EIGS"];
const eventTypes = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Protests"];
const [owner] = await run<{ id: number }>(`INSERT INTO "user" (email, password_hash, role, updated_at) VALUES ('bench-alerts@vigie.local', 'x', 'analyst', now())
   ON CONFLICT (email) DO UPDATE SET updated_at = now() RETURNING id`,
);
const watchRows: unknown[][] = [];
for (let index = 0; index < WATCHES; index++) {
  // What analysts watch: a region and an actor, a district, a region and a kind of event, a deadly attack
  // anywhere in a country, an actor in a country, a word in a region.
  const place = places[(index * 13) % places.length]!;
  const params = new URLSearchParams();
  let condition = "every";
  switch (index % 10) {
    case 0: case 1: case 2: params.append("admin1", place.admin1); params.append("actor", actors[index % actors.length]!); break;
    case 3: case 4: params.append("admin2", place.admin2); break;
    case 5: case 6: params.append("admin1", place.admin1); params.append("eventType", eventTypes[index % eventTypes.length]!); break;
    case 7: params.append("country", place.country); condition = "fatalities"; break;
    case 8: params.append("country", place.country); params.append("actor", actors[(index >> 1) % actors.length]!); break;
    default: params.append("admin1", place.admin1); params.append("q", index % 2 ? "attaque" : "convoy"); break;
  }
  watchRows.push([owner!.id, `bench ${index}`, params.toString(), condition, condition === "fatalities" ? 10 : null, index % 20 === 19]);
}
for (const row of watchRows) {
  await run(`INSERT INTO watch (owner_id, name, query, condition, min_fatalities, verified_only, max_alerts_per_hour, updated_at) VALUES ($1, $2, $3, $4::"WatchCondition", $5, $6, 60, now())`, row);
}
log(`${WATCHES} active watches`);

// ----------------------------------------------------------------------------------------- evaluation
const maxId = Number((await run<{ id: number }>("SELECT max(id) AS id FROM incident"))[0]!.id);
const timings: number[] = [];
/**
 * CPU time (user + system, ms) of this process and of the PostgreSQL backends serving the bench database,
 * read from /proc when the server runs on this machine (null otherwise). On a shared machine wall time
 * mostly measures the wait for a core; CPU time says what a batch costs.
 */
async function cpuMs(): Promise<{ node: number; server: Map<number, number> | null }> {
  const own = process.cpuUsage();
  const pids = await run<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = 'vigie_bench_alerts'");
  const server = new Map<number, number>();
  try {
    for (const { pid } of pids) {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      // utime and stime, fields 14 and 15 of stat, in ticks of 10 ms (USER_HZ).
      server.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  } catch {
    return { node: (own.user + own.system) / 1000, server: null };
  }
  return { node: (own.user + own.system) / 1000, server };
}
let nodeCpu = 0;
let serverCpu: number | null = 0;
let matches = 0;
let alerts = 0;
const pool = new pg.Pool({ connectionString: bench.url, max: 1 });
for (let batch = 0; batch < batches; batch++) {
  // 100 new incidents copied from random existing ones (with their actor links), in one transaction, as an
  // ingest batch writes them.
  const client = await pool.connect();
  await client.query("BEGIN");
  const sources = Array.from({ length: BATCH }, () => 1 + Math.floor(Math.random() * maxId));
  const { rows: copies } = await client.query<{ id: number; source: number }>(
    `INSERT INTO incident (event_date, date_precision, event_type, sub_event_type, summary, country, admin1, admin1_reform, admin2, location,
       latitude, longitude, geo_precision, fatalities, status, actor_names, updated_at)
     SELECT current_date, date_precision, event_type, sub_event_type, 'bench copy ' || id, country, admin1, admin1_reform, admin2, location,
       latitude, longitude, geo_precision, fatalities, status, actor_names, now()
       FROM incident WHERE id = ANY($1::int[])
     RETURNING id, substring(summary FROM 12)::int AS source`,
    [sources],
  );
  await client.query(
    `INSERT INTO incident_actor (incident_id, actor_id, role)
     SELECT c.id, ia.actor_id, ia.role FROM unnest($1::int[], $2::int[]) AS c(id, source) JOIN incident_actor ia ON ia.incident_id = c.source`,
    [copies.map((copy) => copy.id), copies.map((copy) => copy.source)],
  );
  await client.query("COMMIT");
  client.release();

  const before = await cpuMs();
  const started = performance.now();
  const result = await evaluatePending({ batchSize: BATCH });
  timings.push(performance.now() - started);
  const after = await cpuMs();
  nodeCpu += after.node - before.node;
  if (serverCpu !== null && before.server && after.server) {
    for (const [pid, ms] of after.server) serverCpu += ms - (before.server.get(pid) ?? ms);
  } else serverCpu = null;
  matches += result.matches;
  alerts += result.alerts.length;
}
await pool.end();
log(`evaluation of ${batches} batches of ${BATCH} new incidents against ${WATCHES} watches: p50 ${round(percentile(timings, 50))} ms, p95 ${round(percentile(timings, 95))} ms, max ${round(Math.max(...timings))} ms (${matches} matches, ${alerts} alerts); CPU per batch: node ${round(nodeCpu / batches)} ms, PostgreSQL ${serverCpu === null ? "unknown" : `${round(serverCpu / batches)} ms`}`);

await prisma.$disconnect();
console.log(
  JSON.stringify({
    incidents: count,
    seedMs: bench.seedMs,
    watches: WATCHES,
    batchSize: BATCH,
    batches,
    evaluateP50Ms: round(percentile(timings, 50)),
    evaluateP95Ms: round(percentile(timings, 95)),
    evaluateTargetP95Ms: 200,
    evaluateNodeCpuMsPerBatch: round(nodeCpu / batches),
    evaluateServerCpuMsPerBatch: serverCpu === null ? null : round(serverCpu / batches),
    matches,
    alerts,
    surgeAllP50Ms: round(percentile(surgeAll, 50)),
    surgeAllMaxMs: round(Math.max(...surgeAll)),
    surgeTargetMs: 2000,
    surgeMaliP50Ms: round(percentile(surgeMali, 50)),
    surgesFound: surgeCount,
    // The machine's 1, 5 and 15-minute load averages at the end: figures from a shared machine mean little without them.
    loadAverage: loadavg().map((value) => round(value)),
  }),
);
await bench.stop();
process.exit(0);
