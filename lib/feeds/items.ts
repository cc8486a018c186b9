/**
 * A feed's items, exactly once. Recording: an item is new only when none of its guid, link or content
 * hash was seen for that feed before (unique keys, ON CONFLICT DO NOTHING), so two pollers that race over
 * one document record each item once. Ingesting: pending items are taken with FOR UPDATE SKIP LOCKED in a
 * transaction that stays open while they are stored through the batch ingest (lib/ingest/store.ts) and
 * is committed with their outcome. A poller killed half way releases its locks with its connection and
 * leaves the items pending; the next one stores them again, and the store finds the sources the first one
 * may already have written (same text or URL is one source), so nothing is lost or doubled. An item that
 * extraction or storage refuses is kept as failed, with the error, and tried again later.
 */
import type pg from "pg";
import { namedPool } from "@/lib/db/pg-pool";
import type { FeedItem as ParsedItem } from "@/lib/ingest/feed";
import { prepareIngest } from "@/lib/ingest/ingest";
import type { Language } from "@/lib/ingest/language";
import { contentHash, storeExtractions, type ExtractionToStore } from "@/lib/ingest/store";
import { itemRetryDelayMs } from "./schedule";
import { env } from "@/lib/env";

export const ITEM_BATCH_SIZE = 50;
/** How the feeds' connections show in pg_stat_activity (a LIKE pattern: the pool names its process too). */
export const FEEDS_APPLICATION_NAME = "vigie-%-feeds";

export function feedsPool(): pg.Pool {
  return namedPool("feeds", { jit: "off" }, env().FEED_CONCURRENCY + 2);
}

/** Records the items not seen before; returns how many were new. */
export async function recordItems(db: pg.ClientBase | pg.Pool, feedId: number, items: ParsedItem[]): Promise<number> {
  const usable = items.filter((item) => item.text.trim() || item.title?.trim());
  if (!usable.length) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO feed_item (feed_id, guid, link, content_hash, title, published_at, text)
     SELECT $1, guid, link, content_hash, title, published_at, text
       FROM unnest($2::text[], $3::text[], $4::bpchar[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
            AS t(guid, link, content_hash, title, published_at, text, n)
      ORDER BY n
     ON CONFLICT DO NOTHING`,
    [
      feedId,
      usable.map((item) => item.guid?.slice(0, 2000) ?? null),
      usable.map((item) => item.url ?? null),
      usable.map((item) => contentHash(`${item.title ?? ""}\n${item.text}`)),
      usable.map((item) => item.title?.slice(0, 500) ?? null),
      usable.map((item) => (item.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(item.publishedAt) ? item.publishedAt : null)),
      usable.map((item) => item.text),
    ],
  );
  return rowCount ?? 0;
}

type PendingRow = { id: number; link: string | null; title: string | null; published_at: string | null; text: string | null; attempts: number };

export type IngestCounts = { done: number; failed: number };

/** Extraction of one item, or the error that stopped it (an empty text, a binary-looking body). */
function prepare(row: PendingRow, hints: { language: Language | null; country: string | null }): { ok: true; value: ExtractionToStore } | { ok: false; error: unknown } {
  try {
    return {
      ok: true,
      value: prepareIngest({
        text: row.text ?? "",
        url: row.link ?? undefined,
        title: row.title ?? undefined,
        publishedAt: row.published_at ?? undefined,
        language: hints.language ?? undefined,
      }, { countryHint: hints.country ?? undefined }),
    };
  } catch (error) {
    return { ok: false, error };
  }
}

function words(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

/**
 * Ingests the feed's pending items (and failed ones whose retry time has come), one batch per
 * transaction, until none is left.
 */
export async function ingestPendingItems(
  feed: { id: number; language: string | null; country: string | null },
  options: { maxBatches?: number } = {},
): Promise<IngestCounts> {
  const counts: IngestCounts = { done: 0, failed: 0 };
  const hints = { language: feed.language === "fr" || feed.language === "en" ? (feed.language as Language) : null, country: feed.country };
  for (let batch = 0; batch < (options.maxBatches ?? 1000); batch++) {
    const client = await feedsPool().connect();
    let taken = 0;
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<PendingRow>(
        `SELECT id, link, title, published_at, text, attempts FROM feed_item
          WHERE feed_id = $1 AND status <> 'done' AND next_attempt_at <= now()
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [feed.id, ITEM_BATCH_SIZE],
      );
      taken = rows.length;
      if (rows.length) {
        const prepared = rows.map((row) => prepare(row, hints));
        const toStore = prepared.flatMap((p) => (p.ok ? [p.value] : []));
        const stored = await storeExtractions(toStore, null);
        let next = 0;
        const outcomes = prepared.map((p) => (p.ok ? stored[next++]! : { ok: false as const, error: p.error }));
        const done = rows.flatMap((row, i) => {
          const outcome = outcomes[i]!;
          return outcome.ok ? [{ id: row.id, sourceId: outcome.result.source.id }] : [];
        });
        const failed = rows.flatMap((row, i) => {
          const outcome = outcomes[i]!;
          return outcome.ok ? [] : [{ id: row.id, error: words(outcome.error), delay: itemRetryDelayMs(row.attempts + 1) }];
        });
        if (done.length) {
          await client.query(
            `UPDATE feed_item f SET status = 'done', source_id = t.source_id, error = NULL, text = NULL, attempts = f.attempts + 1, done_at = now()
               FROM unnest($1::int[], $2::int[]) AS t(id, source_id) WHERE f.id = t.id`,
            [done.map((d) => d.id), done.map((d) => d.sourceId)],
          );
        }
        if (failed.length) {
          await client.query(
            `UPDATE feed_item f SET status = 'failed', error = t.error, attempts = f.attempts + 1,
                    next_attempt_at = now() + t.delay * interval '1 millisecond'
               FROM unnest($1::int[], $2::text[], $3::float8[]) AS t(id, error, delay) WHERE f.id = t.id`,
            [failed.map((f) => f.id), failed.map((f) => f.error), failed.map((f) => f.delay)],
          );
        }
        counts.done += done.length;
        counts.failed += failed.length;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      client.release();
      throw error;
    }
    client.release();
    if (taken < ITEM_BATCH_SIZE) break;
  }
  return counts;
}
