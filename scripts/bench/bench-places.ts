/**
 * `npm run bench:places [-- --count N] [--names K] [--reseed]`: how long resolving a place name takes when
 * it is used by K incidents (default 10,000) among N (default 1,000,000), for each kind of resolve.
 *
 * Seeds N synthetic incidents (scripts/data/seed-synthetic.ts) into a dedicated database `vigie_places_bench`
 * on the server of DATABASE_URL (or the embedded PostgreSQL), reused by later runs when it holds N
 * incidents. Each measured resolve first turns K other Malian incidents into incidents of a fresh
 * unplaced name (untimed), then times resolvePlaceName (lib/places/resolve.ts) end to end: one
 * transaction that updates, versions and audits the K incidents and keeps the rollups exact. Then the same
 * for an unknown actor name used by K incidents, linked to a known actor (resolveActorName,
 * lib/actors/queue.ts). Also times one page of the queue with its trigram candidates. The last line
 * printed is one JSON object.
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { parseCount } from "../data/seed-synthetic";
import { benchDatabase } from "../lib/bench-database";

const argv = process.argv.slice(2);
const count = parseCount(argv, 1_000_000);
const namesIndex = argv.indexOf("--names");
const perName = namesIndex >= 0 ? Number(argv[namesIndex + 1]) : 10_000;
const reseed = argv.includes("--reseed");
const log = (line: string) => console.log(line);

if (existsSync(".env")) process.loadEnvFile(".env");

const bench = await benchDatabase({ name: "vigie_places_bench", count, seed: 7, reseed, log });
const run = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => bench.query<T>(text, values);
const { prisma } = await import("../../lib/db/client");

const { resolvePlaceName } = await import("../../lib/places/resolve");
const { listPlaceNames, placeListSchema } = await import("../../lib/places/queries");
const { nameKey } = await import("../../lib/ingest/normalize");
const { resolveActorName } = await import("../../lib/actors/queue");
const { foldText } = await import("../../lib/text/fold");

/** K Malian incidents, spread over the table, become incidents of a new unplaced name (as extraction leaves them). */
async function queueName(name: string, offset: number): Promise<number> {
  const changed = await run<{ n: string }>(`WITH picked AS (
       SELECT id FROM incident WHERE country = 'Mali' AND merged_into_id IS NULL AND id % 37 = $3 ORDER BY id LIMIT $2
     )
     UPDATE incident i SET location = $1, latitude = NULL, longitude = NULL, admin1 = 'Mopti', admin2 = 'Bandiagara', geo_precision = 2, updated_at = now()
       FROM picked WHERE i.id = picked.id RETURNING 1`,
    [name, perName, offset],
  );
  const [row] = await run<{ id: number }>(`INSERT INTO place_name (name, key, country, admin1, admin2, spellings, examples, incident_count, updated_at)
     VALUES ($1, $2, 'Mali', 'Mopti', 'Bandiagara', ARRAY[$1], ARRAY['Des hommes armés ont attaqué ' || $1], $3, now())
     ON CONFLICT (country, key) DO UPDATE SET status = 'pending', incident_count = EXCLUDED.incident_count RETURNING id`,
    [name, nameKey(name), changed.length],
  );
  await run("ANALYZE incident");
  return row!.id;
}

/**
 * CPU time spent so far by the database's server processes of the bench database (when PostgreSQL runs on
 * this machine): on a shared, loaded machine the wall time mostly measures the wait for a core, the CPU
 * time what the resolve costs. Null when /proc of the server processes cannot be read.
 */
async function databaseCpuMs(): Promise<number | null> {
  const rows = await run<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = 'vigie_places_bench'`);
  try {
    const ticks = rows.reduce((sum, { pid }) => {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return sum + Number(fields[11]) + Number(fields[12]);
    }, 0);
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const stamp = Date.now().toString(36);
const [boni] = await run<{ id: number }>(`SELECT id FROM place WHERE name = 'Boni' AND kind = 'locality' AND country_code = 'ML'`);
const kinds = [
  { kind: "coordinates", body: { kind: "coordinates" as const, latitude: 14.61, longitude: -3.42, admin1: "Mopti", admin2: "Bandiagara" } },
  { kind: "alias", body: { kind: "alias" as const, placeId: boni!.id } },
  { kind: "reject", body: { kind: "reject" as const } },
];
const figures: Record<string, number> = {};

/** Times one resolve end to end, with the CPU the database's processes and this one spent on it. */
async function timed(kind: string, what: string, resolve: () => Promise<{ incidentsChanged: number }>): Promise<void> {
  // A connection opened now, so the pool's connections exist (and are counted) before the clock starts.
  await prisma.$queryRaw`SELECT 1`;
  const cpuBefore = await databaseCpuMs();
  const nodeBefore = process.cpuUsage();
  const started = performance.now();
  const result = await resolve();
  const ms = Math.round(performance.now() - started);
  const node = process.cpuUsage(nodeBefore);
  const cpuAfter = await databaseCpuMs();
  const databaseMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  figures[`${kind}Ms`] = ms;
  if (databaseMs !== null) figures[`${kind}DatabaseCpuMs`] = databaseMs;
  figures[`${kind}NodeCpuMs`] = Math.round((node.user + node.system) / 1000);
  log(
    `${what}: ${result.incidentsChanged.toLocaleString("en")} incidents ${kind === "actor" ? "re-attributed" : "re-geocoded"}, versioned and audited in ${ms} ms ` +
      `(database CPU ${databaseMs ?? "?"} ms, node CPU ${figures[`${kind}NodeCpuMs`]} ms)`,
  );
}

for (const [index, { kind, body }] of kinds.entries()) {
  const id = await queueName(`Benchbougou ${stamp} ${kind}`, 3 + index * 5);
  await timed(kind, `resolve by ${kind}`, () => resolvePlaceName(id, body, null, { ip: "bench" }));
}

/**
 * K other incidents get a new armed group as actor 1, as ingest leaves an unknown name (a provisional
 * actor, its links, actor_names, a queue row); linking the name to JNIM then rewrites them all.
 */
async function queueActorName(name: string, offset: number): Promise<number> {
  const [actor] = await run<{ id: number }>(`INSERT INTO actor (name, type) VALUES ($1, 3) RETURNING id`, [name]);
  await run(`WITH picked AS (SELECT id FROM incident WHERE merged_into_id IS NULL AND id % 37 = $3 ORDER BY id LIMIT $2),
     linked AS (INSERT INTO incident_actor (incident_id, actor_id, role) SELECT id, $1, 'actor1' FROM picked RETURNING incident_id)
     UPDATE incident i SET actor_names = CASE WHEN actor_names = '' THEN $4 ELSE $4 || '; ' || actor_names END FROM linked WHERE i.id = linked.incident_id`,
    [actor!.id, perName, offset, name],
  );
  const [row] = await run<{ id: number }>(`INSERT INTO actor_name (name, key, actor_id, country, incident_count, updated_at) VALUES ($1, $2, $3, 'Mali', $4, now()) RETURNING id`,
    [name, foldText(name), actor!.id, perName],
  );
  await run("ANALYZE incident");
  return row!.id;
}

const [jnim] = await run<{ id: number }>(`SELECT id FROM actor WHERE name = 'JNIM'`);
const actorNameId = await queueActorName(`Katiba Bench ${stamp}`, 23);
await timed("actor", "actor name linked to JNIM", () => resolveActorName(actorNameId, { kind: "alias", actorId: jnim!.id }, null, { ip: "bench" }));

const listStarted = performance.now();
const page = await listPlaceNames(placeListSchema.parse({ status: "resolved" }));
figures.queuePageMs = Math.round(performance.now() - listStarted);
log(`one page of the queue with candidates (${page.rows.length} names): ${figures.queuePageMs} ms`);

await prisma.$disconnect();
await bench.stop();
// The machine's load during the run: on a shared machine the figures scale with it.
console.log(JSON.stringify({ incidents: count, incidentsPerName: perName, ...figures, loadAverage: loadavg()[0]!.toFixed(1) }));
