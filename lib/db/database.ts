/**
 * Where the database is: DATABASE_URL when set, otherwise the embedded PostgreSQL. Scripts call this
 * once at start-up and then export DATABASE_URL for the app and the Prisma client.
 */
import { startEmbeddedPostgres } from "./embedded";

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function provideDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({ log: (line) => process.env.VIGIE_PG_VERBOSE && log(line) });
  log(`embedded PostgreSQL running in ${embedded.dataDir} on 127.0.0.1:${embedded.port}`);
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, embedded: true, stop: embedded.stop };
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
      .catch((error: unknown) => console.error("failed to stop the database:", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
