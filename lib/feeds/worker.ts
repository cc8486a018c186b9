/**
 * The feed poller, on the process's job queue (lib/jobs/queue.ts), shared with the alerting worker.
 *
 * Every FEED_TICK_SECONDS each worker claims the feeds whose next poll is due, in one UPDATE ... FOR UPDATE
 * SKIP LOCKED that also pushes their next_poll_at forward (so no two workers claim the same feed), and
 * queues one job per feed in a `short` queue keyed by the feed (at most one queued job per feed). Jobs are
 * run FEED_CONCURRENCY at a time, each by its own pg-boss worker, so a slow site holds one slot and never
 * the others; the poll itself is exclusive per feed (lib/feeds/poll.ts). The schedule is rows in the
 * database, not timers: a worker that dies loses nothing another cannot pick up.
 */
import { env } from "@/lib/env";
import { openJobQueue, QUEUES } from "@/lib/jobs/queue";
import { repeat } from "@/lib/jobs/repeat";
import { feedsPool } from "./items";
import { pollFeed, type PollResult } from "./poll";

export type FeedWorkerOptions = {
  concurrency?: number;
  tickSeconds?: number;
  /** How often idle pg-boss workers look for jobs queued by other machines. */
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
  onPoll?: (feedId: number, result: PollResult) => void;
};

export type FeedWorker = { stop: () => Promise<void>; tick: () => Promise<number> };

/** Claims the due feeds (at most `limit`) and returns them with the time their poll was due. */
export async function claimDueFeeds(limit = 200): Promise<{ id: number; scheduledAt: number }[]> {
  const { rows } = await feedsPool().query<{ id: number; scheduled_at: Date }>(
    `WITH due AS (
       SELECT id, next_poll_at FROM feed WHERE NOT paused AND next_poll_at <= now()
        ORDER BY next_poll_at LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     UPDATE feed f SET next_poll_at = now() + make_interval(mins => f.interval_minutes)
       FROM due WHERE f.id = due.id
     RETURNING f.id, due.next_poll_at AS scheduled_at`,
    [limit],
  );
  return rows.map((row) => ({ id: row.id, scheduledAt: row.scheduled_at.getTime() }));
}

export async function startFeedWorker(options: FeedWorkerOptions = {}): Promise<FeedWorker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = env();
  const concurrency = options.concurrency ?? config.FEED_CONCURRENCY;
  const tickMs = (options.tickSeconds ?? config.FEED_TICK_SECONDS) * 1000;
  const jobs = await openJobQueue(log);

  const workerIds: string[] = [];
  for (let index = 0; index < concurrency; index++) {
    workerIds.push(
      await jobs.work<{ feedId: number; scheduledAt?: number }>(
        QUEUES.feedPoll,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? config.FEED_QUEUE_POLL_SECONDS },
        async (job) => {
          try {
            const result = await pollFeed(job.data.feedId, { scheduledAt: job.data.scheduledAt });
            options.onPoll?.(job.data.feedId, result);
            if (result.kind === "polled" && result.status === "error") log(`feeds: feed ${job.data.feedId}: ${result.error}`);
          } finally {
            // pg-boss waits a whole polling interval after each job; while jobs keep coming, take the next at once.
            jobs.notify(workerIds[index]!);
          }
        },
      ),
    );
  }

  async function tick(): Promise<number> {
    const due = await claimDueFeeds();
    for (const feed of due) await jobs.send(QUEUES.feedPoll, { feedId: feed.id, scheduledAt: feed.scheduledAt }, { singletonKey: String(feed.id) });
    // Wake this process's workers now instead of at their next look at the queue.
    if (due.length) for (const id of workerIds) jobs.notify(id);
    return due.length;
  }

  const loop = repeat(tick, tickMs, (error) => log(`feeds: scheduling failed: ${error.message}`));

  return {
    tick,
    stop: async () => {
      await loop.stop();
      await jobs.close();
    },
  };
}
