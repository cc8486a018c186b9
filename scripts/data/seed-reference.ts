/**
 * `npm run db:seed-reference`: loads the gazetteer and the actor dictionary into the database (also done
 * by `npm start` after migrations). Idempotent.
 */
import { provideDatabase } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { loadReferenceData } from "../../lib/reference/load";
import { prisma } from "../../lib/db/client";
import { reportFailures } from "../lib/cli";

reportFailures("npm run db:seed-reference");

if ((await import("node:fs")).existsSync(".env")) process.loadEnvFile(".env");
const db = await provideDatabase((line) => console.log(line));
try {
  await migrate(db.url);
  const result = await loadReferenceData();
  console.log(
    `reference data: ${result.placesInserted} places inserted, ${result.placesUpdated} updated; ` +
      `${result.actorsUpserted} actors and ${result.aliasesUpserted} aliases written`,
  );
} finally {
  await prisma.$disconnect();
  await db.stop();
}
