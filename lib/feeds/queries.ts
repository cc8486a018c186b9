/** The Feeds page and API: subscribe (after one validating fetch), list with their health, change, delete. */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { FeedParseError, parseFeedDocument } from "@/lib/ingest/feed";
import { requestFeed } from "@/lib/ingest/fetch-feed";
import type { CreateFeedInput, UpdateFeedInput } from "./input";

export type FeedRow = {
  id: number;
  url: string;
  title: string | null;
  intervalMinutes: number;
  language: string | null;
  country: string | null;
  paused: boolean;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  nextPollAt: string;
  failureCount: number;
  itemsSeen: number;
  sources: number;
  incidents: number;
  pendingItems: number;
  failedItems: number;
};

/** Fetches the feed once: it must answer with RSS or Atom that has items; its title comes back. */
export async function validateFeedUrl(url: string): Promise<{ title: string | null; items: number }> {
  const result = await requestFeed(url, { label: "url" });
  if (result.kind !== "ok") {
    throw new AppError("bad_request", result.kind === "http_error" ? `url: the feed answered HTTP ${result.status}` : "url: the feed gave no content");
  }
  try {
    const document = parseFeedDocument(result.xml);
    return { title: document.title ?? null, items: document.items.length };
  } catch (error) {
    if (error instanceof FeedParseError) throw new AppError("bad_request", `url: not an RSS or Atom feed (${error.message})`);
    throw error;
  }
}

export async function createFeed(input: CreateFeedInput, user: SessionUser): Promise<FeedRow> {
  if (await prisma.feed.findUnique({ where: { url: input.url }, select: { id: true } })) throw new AppError("conflict", "url: this feed is already subscribed");
  const { title } = await validateFeedUrl(input.url);
  try {
    const feed = await prisma.feed.create({
      data: { url: input.url, title, intervalMinutes: input.intervalMinutes, language: input.language, country: input.country, createdById: user.id },
      select: { id: true },
    });
    await recordAudit({ user, action: "feed.create", targetType: "feed", targetId: feed.id, details: { url: input.url } });
    return (await findFeed(feed.id))!;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict", "url: this feed is already subscribed");
    throw error;
  }
}

export async function updateFeed(id: number, input: UpdateFeedInput, user: SessionUser): Promise<FeedRow> {
  const existing = await prisma.feed.findUnique({ where: { id }, select: { id: true, paused: true } });
  if (!existing) throw new AppError("not_found", "No such feed");
  await prisma.feed.update({
    where: { id },
    data: {
      ...input,
      // A resumed feed, or one whose interval changed, is polled at once rather than at its old time.
      ...((input.paused === false && existing.paused) || input.intervalMinutes !== undefined ? { nextPollAt: new Date(), failureCount: 0 } : {}),
    },
  });
  await recordAudit({ user, action: "feed.update", targetType: "feed", targetId: id, details: input });
  return (await findFeed(id))!;
}

/** Deletes the subscription and its item records; the sources and incidents it brought stay. */
export async function deleteFeed(id: number, user: SessionUser): Promise<void> {
  const deleted = await prisma.feed.deleteMany({ where: { id } });
  if (!deleted.count) throw new AppError("not_found", "No such feed");
  await recordAudit({ user, action: "feed.delete", targetType: "feed", targetId: id });
}

type RawFeedRow = Omit<FeedRow, "lastPollAt" | "lastSuccessAt" | "nextPollAt"> & { lastPollAt: Date | null; lastSuccessAt: Date | null; nextPollAt: Date };

async function selectFeeds(where: Prisma.Sql): Promise<FeedRow[]> {
  const rows = await prisma.$queryRaw<RawFeedRow[]>`
    SELECT f.id, f.url, f.title, f.interval_minutes AS "intervalMinutes", f.language, f.country, f.paused,
           f.last_poll_at AS "lastPollAt", f.last_success_at AS "lastSuccessAt", f.last_error AS "lastError",
           f.next_poll_at AS "nextPollAt", f.failure_count AS "failureCount", f.items_seen AS "itemsSeen",
           coalesce(s.sources, 0)::int AS sources, coalesce(s.pending, 0)::int AS "pendingItems", coalesce(s.failed, 0)::int AS "failedItems",
           coalesce(i.incidents, 0)::int AS incidents
      FROM feed f
      LEFT JOIN LATERAL (
        SELECT count(DISTINCT source_id) AS sources, count(*) FILTER (WHERE status = 'pending') AS pending, count(*) FILTER (WHERE status = 'failed') AS failed
          FROM feed_item WHERE feed_id = f.id
      ) s ON true
      LEFT JOIN LATERAL (
        SELECT count(DISTINCT l.incident_id) AS incidents
          FROM feed_item fi JOIN incident_source l ON l.source_id = fi.source_id WHERE fi.feed_id = f.id
      ) i ON true
     WHERE ${where}
     ORDER BY f.title NULLS LAST, f.id`;
  return rows.map((row) => ({
    ...row,
    lastPollAt: row.lastPollAt?.toISOString() ?? null,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    nextPollAt: row.nextPollAt.toISOString(),
  }));
}

export function listFeeds(): Promise<FeedRow[]> {
  return selectFeeds(Prisma.sql`true`);
}

export async function findFeed(id: number): Promise<FeedRow | null> {
  return (await selectFeeds(Prisma.sql`f.id = ${id}`))[0] ?? null;
}
