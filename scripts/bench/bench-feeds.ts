/**
 * `npm run bench:feeds`: the feed poller against 200 feeds on a local HTTP server, polled every minute.
 * 1. Warm-up: every feed has a few old items; the poller ingests them.
 * 2. Idle: nothing new for BENCH_IDLE_SECONDS (default 120): every poll is a conditional GET answered
 *    304; the poller process's CPU over that time is reported.
 * 3. Cycles: for BENCH_CYCLES minutes (default 3), 20 new items a minute appear at random moments in
 *    random feeds; each item's latency is from its appearance on the server to its source and incident
 *    being committed (source.ingested_at: same transaction as the incident).
 * The poller runs as its own process (scripts/cli/worker.ts), as under `npm start`, on a fresh database on
 * DATABASE_URL's server (or the embedded one), dropped afterwards. Last line: one JSON object.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { provideDatabase } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { createScratchDatabase } from "../../lib/db/scratch";

const FEEDS = Number(process.env.BENCH_FEEDS ?? 200);
const NEW_PER_CYCLE = Number(process.env.BENCH_NEW_ITEMS ?? 20);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 3);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 120);
const OLD_ITEMS = 3;
const TARGET_P95_SECONDS = 60;

const TOWNS = ["Djibo", "Boni", "Ménaka", "Tillabéri", "Gao", "Kidal", "Dori", "Mopti", "Ségou", "Diffa", "Ansongo", "Kaya", "Tessit", "Arbinda", "Ouahigouya"];

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Item = { guid: string; xml: string };
let serial = 0;
function makeItem(): Item {
  const n = serial++;
  const town = TOWNS[n % TOWNS.length]!;
  const day = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
  const french = day.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const text = `Le ${french}, des hommes armés ont attaqué le village de ${town}. ${(n % 9) + 2} civils ont été tués, selon des sources locales. Réf. ${n}.`;
  const guid = `bench-${n}`;
  return { guid, xml: `<item><title>Attaque à ${town} (${n})</title><link>https://bench.example.org/${n}</link><guid>${guid}</guid><pubDate>${day.toUTCString()}</pubDate><description>${text}</description></item>` };
}

const feeds: Item[][] = Array.from({ length: FEEDS }, () => Array.from({ length: OLD_ITEMS }, makeItem));
const bodies = new Map<number, { body: string; etag: string }>();
function render(index: number) {
  const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${index}</title>${feeds[index]!.slice(-30).reverse().map((item) => item.xml).join("")}</channel></rss>`;
  bodies.set(index, { body, etag: `"${createHash("sha1").update(body).digest("hex")}"` });
}
feeds.forEach((_, index) => render(index));

let requests = 0;
let notModified = 0;
const http = createServer((request, response) => {
  requests++;
  const index = Number(/^\/feed\/(\d+)$/.exec(request.url ?? "")?.[1] ?? NaN);
  const entry = bodies.get(index);
  if (!entry) return void response.writeHead(404).end();
  if (request.headers["if-none-match"] === entry.etag) {
    notModified++;
    return void response.writeHead(304, { etag: entry.etag }).end();
  }
  response.writeHead(200, { "content-type": "application/rss+xml", etag: entry.etag }).end(entry.body);
});
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
const port = (http.address() as AddressInfo).port;

const server = await provideDatabase((line) => console.error(line));
const scratch = await createScratchDatabase(server.url, "vigie_bench_feeds");
const db = new pg.Client({ connectionString: scratch.url });
let worker: ReturnType<typeof spawn> | undefined;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);

try {
  await migrate(scratch.url);
  await db.connect();
  // Spread over the first minute, as feeds added over time would be.
  await db.query(
    `INSERT INTO feed (url, interval_minutes, next_poll_at, updated_at)
     SELECT 'http://127.0.0.1:${port}/feed/' || i, 1, now() + (i * 60.0 / $1) * interval '1 second', now() FROM generate_series(0, $1 - 1) AS i`,
    [FEEDS],
  );
  worker = spawn(process.execPath, ["--import", "tsx", "scripts/cli/worker.ts"], {
    env: { ...process.env, DATABASE_URL: scratch.url, FEED_ALLOWED_HOSTS: `127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "inherit"],
  });

  console.error(`warm-up: ${FEEDS * OLD_ITEMS} old items in ${FEEDS} feeds`);
  const warmStart = Date.now();
  while ((await count(`SELECT count(*) AS n FROM feed_item WHERE status = 'done'`)) < FEEDS * OLD_ITEMS) {
    if (Date.now() - warmStart > 600_000) throw new Error("warm-up did not finish in 10 minutes");
    await sleep(1000);
  }
  const warmSeconds = (Date.now() - warmStart) / 1000;
  // Every feed polled once more with its validators, so the idle phase starts in the steady state.
  await sleep(65_000);

  console.error(`idle: ${IDLE_SECONDS} s with nothing new`);
  const idleRequests = requests;
  const idleNotModified = notModified;
  const idleCpu = cpuSeconds(worker.pid!);
  await sleep(IDLE_SECONDS * 1000);
  const idleCpuSeconds = cpuSeconds(worker.pid!) - idleCpu;
  const idlePolls = requests - idleRequests;
  const idle304 = notModified - idleNotModified;

  console.error(`cycles: ${CYCLES} × ${NEW_PER_CYCLE} new items`);
  const appeared = new Map<string, number>();
  const cycleCpu = cpuSeconds(worker.pid!);
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const moments = Array.from({ length: NEW_PER_CYCLE }, () => Math.random() * 60_000).sort((a, b) => a - b);
    const cycleStart = Date.now();
    for (const moment of moments) {
      await sleep(Math.max(0, cycleStart + moment - Date.now()));
      const index = Math.floor(Math.random() * FEEDS);
      const item = makeItem();
      feeds[index]!.push(item);
      render(index);
      appeared.set(item.guid, Date.now());
    }
    await sleep(Math.max(0, cycleStart + 60_000 - Date.now()));
  }
  const guids = [...appeared.keys()];
  const drainStart = Date.now();
  while ((await count(`SELECT count(*) AS n FROM feed_item WHERE status = 'done' AND guid = ANY('{${guids.join(",")}}'::text[])`)) < guids.length) {
    if (Date.now() - drainStart > 300_000) break;
    await sleep(500);
  }
  const cycleCpuSeconds = cpuSeconds(worker.pid!) - cycleCpu;
  const { rows } = await db.query<{ guid: string; at: Date; incidents: string }>(
    `SELECT fi.guid, s.ingested_at AS at, (SELECT count(*) FROM incident_source l WHERE l.source_id = s.id) AS incidents
       FROM feed_item fi JOIN source s ON s.id = fi.source_id WHERE fi.guid = ANY($1::text[])`,
    [guids],
  );
  const latencies = rows.map((row) => (row.at.getTime() - appeared.get(row.guid)!) / 1000).sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN;
  const figures = {
    feeds: FEEDS,
    intervalMinutes: 1,
    warmUp: { items: FEEDS * OLD_ITEMS, seconds: round(warmSeconds) },
    idle: {
      seconds: IDLE_SECONDS,
      polls: idlePolls,
      notModified: idle304,
      pollerCpuSeconds: round(idleCpuSeconds, 2),
      pollerCpuPercentOfOneCore: round((idleCpuSeconds / IDLE_SECONDS) * 100, 2),
      pollerCpuMsPerPoll: round((idleCpuSeconds * 1000) / Math.max(1, idlePolls), 2),
    },
    latency: {
      items: guids.length,
      ingested: rows.length,
      withIncident: rows.filter((row) => Number(row.incidents) > 0).length,
      p50Seconds: round(pick(0.5)),
      p95Seconds: round(pick(0.95)),
      maxSeconds: round(latencies.at(-1) ?? NaN),
      targetP95Seconds: TARGET_P95_SECONDS,
      pollerCpuSecondsDuringCycles: round(cycleCpuSeconds, 2),
    },
  };
  console.log(JSON.stringify(figures));
} finally {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
  }
  await db.end().catch(() => {});
  http.close();
  await scratch.drop();
  await server.stop();
}
