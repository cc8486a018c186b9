/**
 * `npm run --silent ingest -- <file|feed URL...>`: stores articles (text, Markdown, HTML) and feeds (RSS,
 * Atom, from a file or an http(s) URL) into the database (DATABASE_URL, or the embedded one), printing one line per source. Exit code 1 when
 * any file failed; the others are still stored, each source in its own transaction.
 */
import { readFileSync } from "node:fs";
import { provideDatabase } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { AppError } from "../lib/errors/app-error";

const files = process.argv.slice(2).filter((arg) => arg !== "--");
if (!files.length) {
  console.error("usage: npm run --silent ingest -- <file|feed URL...>");
  process.exit(2);
}

const db = await provideDatabase((line) => console.error(line));
let failed = 0;
try {
  await migrate(db.url);
  const { ingestDocument, ingestFeedUrl } = await import("../lib/ingest/ingest");
  for (const file of files) {
    try {
      const results = /^https?:\/\//i.test(file) ? await ingestFeedUrl(file, null) : await ingestDocument(readFileSync(file, "utf8"), file, null);
      for (const result of results) {
        const attached = result.incidents.filter((incident) => incident.attached).length;
        const label = result.source.title ?? result.source.url ?? file;
        console.log(
          result.created
            ? `created  source #${result.source.id} ${JSON.stringify(label)}: ${result.incidents.length} incident(s)` +
                (attached ? ` (${attached} attached to incidents already stored)` : "")
            : `present  source #${result.source.id} ${JSON.stringify(label)}: already ingested, ${result.incidents.length} incident(s)`,
        );
      }
    } catch (error) {
      failed++;
      const message = error instanceof AppError || (error as NodeJS.ErrnoException).code ? (error as Error).message : String(error);
      console.error(`failed   ${file}: ${message}`);
    }
  }
} finally {
  const { prisma } = await import("../lib/db/client");
  await prisma.$disconnect();
  await db.stop();
}
// Explicit exit: the database pool and clients would otherwise keep the process alive.
process.exit(failed ? 1 : 0);
