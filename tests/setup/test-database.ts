/**
 * A fresh, migrated database for one test run: on the server of TEST_DATABASE_URL or DATABASE_URL when
 * set, otherwise on an embedded PostgreSQL started for the run (or already running for another run).
 */
import { provideEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "../../lib/db/scratch";

export async function createTestDatabase(prefix = "vigie_test"): Promise<ScratchDatabase> {
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    // Shared by the integration and browser set-ups, which run at the same time in the test runner.
    const embedded = await provideEmbeddedPostgres({ dataDir: ".data/test-postgres", database: "postgres" });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const db = await createScratchDatabase(serverUrl, prefix);
  await migrate(db.url);
  return {
    ...db,
    drop: async () => {
      await db.drop();
      await stopServer();
    },
  };
}
