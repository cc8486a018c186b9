/**
 * The persistent database of a benchmark: N synthetic incidents in a database of its own on the server of
 * DATABASE_URL (or the embedded PostgreSQL), seeded once and reused by later runs while it holds N
 * incidents (`--reseed` rebuilds it). Seeding 1,000,000 incidents takes minutes; measuring takes less.
 * Afterwards DATABASE_URL points at it, so the data layer imported next runs on it.
 */
import pg from "pg";
import { queryOnce, withDatabase } from "../../lib/db/scratch";
import { seedSynthetic } from "../data/seed-synthetic";

export type BenchDatabaseOptions = {
  /** Database name, e.g. "vigie_bench". */
  name: string;
  count: number;
  /** Seed of the synthetic generator: the same seed and count give the same incidents. */
  seed: number;
  reseed: boolean;
  log: (line: string) => void;
  /** Which incidents count as the seeded ones (a benchmark that adds its own rows leaves them out). */
  seededWhere?: string;
  /**
   * Another benchmark's database to copy as a template when it holds `count` incidents: a file copy of a
   * few seconds instead of seeding for a quarter of an hour. PostgreSQL refuses the copy while anything is
   * connected to it; then this one is seeded.
   */
  copyFrom?: string;
};

export type BenchDatabase = {
  url: string;
  /** Seeding time of this run, null when the database was reused. */
  seedMs: number | null;
  /** One statement on its own connection (outside the app's pools). */
  query: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>;
  /** Stops the embedded PostgreSQL when this run started it. */
  stop: () => Promise<void>;
};

async function copied(serverUrl: string, adminUrl: string, name: string, source: string, count: number, log: (line: string) => void): Promise<boolean> {
  const rows = await queryOnce<{ n: string }>(withDatabase(serverUrl, source), "SELECT count(*) AS n FROM incident").catch(() => [{ n: "-1" }]);
  if (Number(rows[0]!.n) !== count) return false;
  try {
    await queryOnce(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${source}"`);
    log(`copied ${source}'s ${count.toLocaleString("en")} incidents into ${name}`);
    return true;
  } catch (error) {
    log(`could not copy ${source} (${(error as Error).message}); seeding instead`);
    return false;
  }
}

export async function benchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const { name, count, log } = options;
  const { provideDatabase } = await import("../../lib/db/database");
  const server = await provideDatabase(log);
  const adminUrl = withDatabase(server.url, "postgres");
  const url = withDatabase(server.url, name);
  const query = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => queryOnce<T>(url, text, values);

  const exists = (await queryOnce(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length === 1;
  let seeded = false;
  if (exists && !options.reseed) {
    const where = options.seededWhere ? ` WHERE ${options.seededWhere}` : "";
    const rows = await query<{ n: string }>(`SELECT count(*) AS n FROM incident${where}`).catch(() => [{ n: "-1" }]);
    seeded = Number(rows[0]!.n) === count;
  }
  process.env.DATABASE_URL = url;
  const { migrate } = await import("../../lib/db/migrate");
  const { loadReferenceData } = await import("../../lib/reference/load");
  if (seeded) {
    log(`reusing ${name} with ${count.toLocaleString("en")} incidents (--reseed to rebuild)`);
    await migrate(url);
    await loadReferenceData();
    return { url, seedMs: null, query, stop: server.stop };
  }
  await queryOnce(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (options.copyFrom && (await copied(server.url, adminUrl, name, options.copyFrom, count, log))) {
    await migrate(url);
    await loadReferenceData();
    return { url, seedMs: null, query, stop: server.stop };
  }
  await queryOnce(adminUrl, `CREATE DATABASE "${name}"`);
  await migrate(url);
  await loadReferenceData();
  log(`seeding ${count.toLocaleString("en")} incidents into ${name}...`);
  const result = await seedSynthetic(url, { count, seed: options.seed, endDate: new Date(Date.UTC(2026, 10, 1)), log });
  log(`seeded in ${(result.ms / 1000).toFixed(1)} s (${result.links.toLocaleString("en")} actor links)`);
  return { url, seedMs: result.ms, query, stop: server.stop };
}
