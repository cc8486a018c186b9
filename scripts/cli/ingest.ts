/**
 * `npm run --silent ingest -- <file|feed URL...>`: stores articles (text, Markdown, HTML) and feeds (RSS,
 * Atom, from a file or an http(s) URL) into the database (DATABASE_URL, or the embedded one), printing one
 * line per source. Articles are written in batches (one transaction per batch) while the next files are
 * being extracted. Exit code 1 when any file or article failed; the others are still stored.
 */
import { readFileSync } from "node:fs";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import { provideDatabase } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { AppError } from "../../lib/errors/app-error";
import type { ExtractionToStore } from "../../lib/ingest/store";
import { reportFailures } from "../lib/cli";

reportFailures("npm run ingest");

const files = process.argv.slice(2).filter((arg) => arg !== "--");
if (!files.length) {
  console.error("usage: npm run --silent ingest -- <file|feed URL...>");
  process.exit(2);
}

function describeError(error: unknown): string {
  return error instanceof AppError || (error as NodeJS.ErrnoException).code ? (error as Error).message : String(error);
}

/** A file read and extracted, or the reason it could not be. */
type Entry = { file: string; items: ExtractionToStore[] } | { file: string; error: unknown };

const db = await provideDatabase((line) => console.error(line));
let failed = 0;
try {
  await migrate(db.url);
  const { loadLearnedPlaces, prepareDocument, prepareFeed, storePrepared, STORE_BATCH_SIZE } = await import("../../lib/ingest/ingest");
  await loadLearnedPlaces();
  const { fetchFeed } = await import("../../lib/ingest/fetch-feed");

  /** Stores the entries' articles and prints one line per article, in file order. */
  async function store(entries: Entry[]): Promise<void> {
    const outcomes = await storePrepared(entries.flatMap((entry) => ("items" in entry ? entry.items : [])), null);
    let next = 0;
    for (const entry of entries) {
      if (!("items" in entry)) {
        failed++;
        console.error(`failed   ${entry.file}: ${describeError(entry.error)}`);
        continue;
      }
      for (const item of entry.items) {
        const outcome = outcomes[next++]!;
        if (!outcome.ok) {
          failed++;
          const label = entry.items.length > 1 ? `${entry.file} (${item.meta.title ?? item.meta.url ?? "item"})` : entry.file;
          console.error(`failed   ${label}: ${describeError(outcome.error)}`);
          continue;
        }
        const { result } = outcome;
        const attached = result.incidents.filter((incident) => incident.attached).length;
        const label = result.source.title ?? result.source.url ?? entry.file;
        console.log(
          result.created
            ? `created  source #${result.source.id} ${JSON.stringify(label)}: ${result.incidents.length} incident(s)` +
                (attached ? ` (${attached} attached to incidents already stored)` : "")
            : `present  source #${result.source.id} ${JSON.stringify(label)}: already ingested, ${result.incidents.length} incident(s)`,
        );
      }
    }
  }

  // Extraction (node's CPU) of the next files overlaps the database writing the previous batch.
  let pending: Entry[] = [];
  let size = 0;
  let writing: Promise<void> = Promise.resolve();
  for (const file of files) {
    try {
      const items = /^https?:\/\//i.test(file) ? prepareFeed(await fetchFeed(file)) : prepareDocument(readFileSync(file, "utf8"), file);
      pending.push({ file, items });
      size += items.length;
    } catch (error) {
      pending.push({ file, error });
    }
    if (size >= STORE_BATCH_SIZE) {
      await writing;
      writing = store(pending).catch((error: unknown) => {
        failed++;
        console.error(`failed   ${describeError(error)}`);
      });
      pending = [];
      size = 0;
    }
    await yieldToEvents();
  }
  await writing;
  await store(pending);
} finally {
  const { prisma } = await import("../../lib/db/client");
  const { writePool } = await import("../../lib/db/write-pool");
  await prisma.$disconnect();
  await writePool().end();
  await db.stop();
}
// Explicit exit: the database pool and clients would otherwise keep the process alive.
process.exit(failed ? 1 : 0);
