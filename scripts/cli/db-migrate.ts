/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { provideDatabase } from "../../lib/db/database";
import { migrate, MigrationError } from "../../lib/db/migrate";
import { reportFailures } from "../lib/cli";

reportFailures("npm run db:migrate");

const db = await provideDatabase((line) => console.log(line));
let failed = false;
try {
  const result = await migrate(db.url, { log: (line) => console.log(line) });
  console.log(
    result.applied.length
      ? `${result.applied.length} migration(s) applied`
      : `database is up to date (${result.alreadyApplied.length} migration(s))`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  failed = true;
} finally {
  await db.stop();
}
// Explicit exit: the database pool and clients would otherwise keep the process alive.
process.exit(failed ? 1 : 0);
