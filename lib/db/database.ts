/**
 * Where the database is: DATABASE_URL when set, otherwise the embedded PostgreSQL (attached to when
 * another process already runs it on the same data directory). Scripts call this once at start-up and
 * then export DATABASE_URL for the app and the Prisma client.
 */
import { provideEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { describeThrown } from "../errors/describe";
import { env } from "../env";

export type DatabaseHandle = {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
  /** The embedded server, started here or attached to. */
  server?: EmbeddedDatabase;
};

export async function provideDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  const configured = env().DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  const embedded = await provideEmbeddedPostgres({ log: (line) => env().VIGIE_PG_VERBOSE && log(line) });
  log(
    embedded.attached
      ? `using the embedded PostgreSQL already running in ${embedded.dataDir} on 127.0.0.1:${embedded.port}`
      : `embedded PostgreSQL running in ${embedded.dataDir} on 127.0.0.1:${embedded.port}`,
  );
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, embedded: true, stop: embedded.stop, server: embedded };
}

export const RESTART_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];
/** A server that stayed up this long after a restart has recovered: the next crash starts the count again. */
const STABLE_AFTER_MS = 60_000;

/**
 * Restarts the embedded server whenever it stops without being asked (killed, out of memory, or stopped by
 * the command that started it while this process was attached), with growing delays, saying so in the
 * log; the app's pools reconnect by themselves. After
 * RESTART_DELAYS_MS.length failed attempts in a row it gives up and calls giveUp with the reason.
 */
export function superviseDatabase(handle: DatabaseHandle, log: (line: string) => void, giveUp: (reason: string) => void): void {
  const { server } = handle;
  if (!server) return;
  let failures = 0;
  let lastRestart = 0;
  server.onUnexpectedExit(async (reason) => {
    if (Date.now() - lastRestart > STABLE_AFTER_MS) failures = 0;
    log(`embedded PostgreSQL stopped unexpectedly (${reason}); restarting it`);
    for (;;) {
      const delay = RESTART_DELAYS_MS[failures];
      if (delay === undefined) {
        giveUp(`embedded PostgreSQL stopped (${reason}) and could not be restarted after ${failures} attempts`);
        return;
      }
      failures++;
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await server.restart();
        lastRestart = Date.now();
        log(`embedded PostgreSQL restarted on 127.0.0.1:${server.port} (attempt ${failures})`);
        return;
      } catch (error) {
        log(`restarting embedded PostgreSQL failed (attempt ${failures} of ${RESTART_DELAYS_MS.length}): ${describeThrown(error)}`);
      }
    }
  });
}

/** Stops the database when the process is asked to end, then exits: an embedded server is never orphaned. */
export function stopOnExit(stop: () => Promise<void>, beforeStop: () => Promise<void> = async () => {}) {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void beforeStop()
      .catch(() => {})
      .then(stop)
      .catch((error: unknown) => console.error("failed to stop the database:", describeThrown(error)))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
