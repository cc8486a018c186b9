/**
 * Ingestion throughput into PostgreSQL: N distinct ~3 KB articles (default 10,000) through the same path
 * as the CLI and feeds: extraction, then storeExtractions in batches (default 100), pipelined so that
 * node extracts the next batch while PostgreSQL writes the current one (each gets a core). Uses a fresh
 * database on DATABASE_URL's server (or the embedded one) and drops it afterwards.
 * Last line: one JSON object with the figures, including the CPU each side spent per article (less
 * sensitive to other load on the machine than the wall clock).
 */
import { readFileSync } from "node:fs";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import { provideDatabase } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { createScratchDatabase } from "../../lib/db/scratch";
import { buildArticles } from "../lib/bench-corpus";
import { reportFailures } from "../lib/cli";

reportFailures("npm run bench:ingest");

const COUNT = Number(process.env.BENCH_ARTICLES ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const TARGET_SECONDS = 60;

/** CPU seconds a process has used (Linux /proc; clock ticks are 100 per second there), or null elsewhere. */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

const server = await provideDatabase((line) => console.error(line));
const scratch = await createScratchDatabase(server.url, "vigie_bench_ingest");
process.env.DATABASE_URL = scratch.url;
try {
  await migrate(scratch.url);
  const { prepareIngest } = await import("../../lib/ingest/ingest");
  const { storeExtractions } = await import("../../lib/ingest/store");
  const { writePool } = await import("../../lib/db/write-pool");
  const articles = buildArticles(COUNT).map((article, index) => ({ ...article, text: `${article.text}\n\nRéf. ${index}` }));
  let incidents = 0;
  let attached = 0;
  let failures = 0;
  let extractMs = 0;
  let storeMs = 0;

  async function store(batch: ReturnType<typeof prepareIngest>[]) {
    const started = performance.now();
    for (const outcome of await storeExtractions(batch, null)) {
      if (!outcome.ok) {
        failures++;
        continue;
      }
      incidents += outcome.result.incidents.length;
      attached += outcome.result.incidents.filter((incident) => incident.attached).length;
    }
    storeMs += performance.now() - started;
  }

  const cpu = process.cpuUsage();
  const started = performance.now();
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < articles.length; start += BATCH) {
    const batch = [];
    for (const article of articles.slice(start, start + BATCH)) {
      const began = performance.now();
      batch.push(prepareIngest(article));
      extractMs += performance.now() - began;
      // Between articles, the batch being written gets its next statement sent.
      await yieldToEvents();
    }
    await writing;
    writing = store(batch);
    if ((start + BATCH) % 1000 === 0) console.error(`${start + BATCH} articles extracted`);
  }
  await writing;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);

  const pool = writePool();
  const { rows } = await pool.query<{ sources: string; pids: number[] }>(
    `SELECT (SELECT count(*) FROM source) AS sources, array_agg(pid) AS pids FROM pg_stat_activity WHERE datname = current_database()`,
  );
  const backendCpu = rows[0]!.pids.map(processCpuSeconds);
  const postgresCpu = backendCpu.every((value) => value !== null) ? backendCpu.reduce((sum, value) => sum! + value!, 0)! : null;
  await pool.end();
  const sources = Number(rows[0]!.sources);
  console.log(
    JSON.stringify({
      articles: COUNT,
      sourcesStored: sources,
      failures,
      incidents,
      attachedToExisting: attached,
      batch: BATCH,
      seconds: round(seconds),
      articlesPerSecond: Math.round(COUNT / seconds),
      // Wall time inside each stage: they overlap, and both stretch when the machine is busy.
      extractMsPerArticle: round(extractMs / COUNT),
      storeMsPerArticle: round(storeMs / COUNT),
      // CPU actually spent: node (extraction and the client side of the writes) and the database backends.
      nodeCpuMsPerArticle: round(((used.user + used.system) / 1000) / COUNT),
      postgresCpuMsPerArticle: postgresCpu === null ? null : round((postgresCpu * 1000) / COUNT),
      targetSeconds: TARGET_SECONDS,
      // The target is 10,000 articles in a minute: judged by rate, so a shorter run is judged the same way.
      ok: COUNT / seconds >= 10_000 / TARGET_SECONDS && sources === COUNT,
    }),
  );
} finally {
  await scratch.drop();
  await server.stop();
}
