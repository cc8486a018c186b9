/**
 * One poll of one feed: a conditional GET through the guarded client, the new items recorded, the pending
 * ones ingested, and the feed's schedule and health written back. A session advisory lock on the feed
 * makes the poll exclusive across every worker on every machine; it is released with the connection if
 * the process dies, so a killed poller never blocks its feed.
 */
import { AppError } from "@/lib/errors/app-error";
import { FeedParseError, parseFeedDocument } from "@/lib/ingest/feed";
import { requestFeed } from "@/lib/ingest/fetch-feed";
import { feedsPool, ingestPendingItems, recordItems, type IngestCounts } from "./items";
import { nextPollDelayMs, type PollOutcome } from "./schedule";

/** The advisory-lock namespace of feed polls (the feed id is the second key). */
export const POLL_LOCK_NAMESPACE = 7246017;

export type PollResult =
  | { kind: "busy" }
  | { kind: "gone" }
  | { kind: "polled"; status: "ok" | "not_modified" | "error"; newItems: number; ingested: IngestCounts; error?: string; nextPollInMs: number };

type FeedRow = {
  id: number;
  url: string;
  title: string | null;
  interval_minutes: number;
  language: string | null;
  country: string | null;
  paused: boolean;
  etag: string | null;
  last_modified: string | null;
  failure_count: number;
};

/** What went wrong, in words an analyst can act on. */
function describeHttpStatus(status: number): string {
  if (status === 404 || status === 410) return `the feed is gone (HTTP ${status})`;
  if (status === 401 || status === 403) return `the site refuses access (HTTP ${status})`;
  if (status === 429) return "the site asks us to slow down (HTTP 429)";
  if (status === 503) return "the site is unavailable (HTTP 503)";
  if (status >= 500) return `the site failed (HTTP ${status})`;
  return `unexpected answer (HTTP ${status})`;
}

export async function pollFeed(feedId: number, options: { scheduledAt?: number; now?: () => number } = {}): Promise<PollResult> {
  const now = options.now ?? Date.now;
  const lock = await feedsPool().connect();
  try {
    const { rows: locked } = await lock.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, $2) AS ok`, [POLL_LOCK_NAMESPACE, feedId]);
    if (!locked[0]?.ok) return { kind: "busy" };
    try {
      const { rows } = await lock.query<FeedRow>(
        `SELECT id, url, title, interval_minutes, language, country, paused, etag, last_modified, failure_count FROM feed WHERE id = $1`,
        [feedId],
      );
      const feed = rows[0];
      if (!feed || feed.paused) return { kind: "gone" };
      return await pollLocked(feed, options.scheduledAt, now);
    } finally {
      await lock.query(`SELECT pg_advisory_unlock($1, $2)`, [POLL_LOCK_NAMESPACE, feedId]);
    }
  } finally {
    lock.release();
  }
}

async function pollLocked(feed: FeedRow, scheduledAt: number | undefined, now: () => number): Promise<PollResult> {
  const pool = feedsPool();
  let status: "ok" | "not_modified" | "error" = "error";
  let error: string | undefined;
  let outcome: PollOutcome = { ok: true };
  let newItems = 0;
  let validators: { etag: string | null; lastModified: string | null } | null = null;
  let title: string | null = null;
  try {
    const result = await requestFeed(feed.url, { etag: feed.etag, lastModified: feed.last_modified });
    if (result.kind === "not_modified") status = "not_modified";
    else if (result.kind === "http_error") {
      error = describeHttpStatus(result.status);
      outcome = { ok: false, retryAfterMs: result.status === 429 || result.status === 503 ? result.retryAfterMs : null };
    } else {
      const document = parseFeedDocument(result.xml);
      newItems = await recordItems(pool, feed.id, document.items);
      validators = { etag: result.etag, lastModified: result.lastModified };
      title = document.title ?? null;
      status = "ok";
    }
  } catch (caught) {
    if (caught instanceof FeedParseError) error = `the feed is not valid RSS or Atom: ${caught.message}`;
    else if (caught instanceof AppError) error = caught.message.replace(/^feedUrl: /, "");
    else throw caught;
    outcome = { ok: false };
  }
  if (error) status = "error";

  // Items left pending by an earlier poll (a failure, a killed worker) are ingested even on a 304 or an error.
  const ingested = await ingestPendingItems(feed);

  const failures = status === "error" ? feed.failure_count + 1 : 0;
  const delay = nextPollDelayMs({ intervalMinutes: feed.interval_minutes, failures, outcome: status === "error" ? outcome : { ok: true }, scheduledAt, now: now() });
  await pool.query(
    `UPDATE feed SET
        last_poll_at = now(),
        poll_count = poll_count + 1,
        not_modified_count = not_modified_count + $2::int,
        last_success_at = CASE WHEN $3::boolean THEN now() ELSE last_success_at END,
        last_error = $4,
        failure_count = $5,
        items_seen = items_seen + $6,
        etag = CASE WHEN $7::boolean THEN $8 ELSE etag END,
        last_modified = CASE WHEN $7::boolean THEN $9 ELSE last_modified END,
        title = coalesce(title, $10),
        next_poll_at = now() + $11 * interval '1 millisecond'
      WHERE id = $1`,
    [feed.id, status === "not_modified" ? 1 : 0, status !== "error", error ?? null, failures, newItems, validators !== null, validators?.etag ?? null, validators?.lastModified ?? null, title, delay],
  );
  return { kind: "polled", status, newItems, ingested, error, nextPollInMs: delay };
}
