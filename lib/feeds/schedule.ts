/**
 * When a feed is polled next. Pure, so the politeness rules can be tested without a clock: a healthy feed
 * keeps its cadence, a failing one backs off exponentially, and a server that says how long to wait
 * (429/503 with Retry-After) is never asked sooner.
 */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** A Retry-After longer than this is treated as a day: a misconfigured server must not park a feed for months. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

export type PollOutcome = { ok: true } | { ok: false; retryAfterMs?: number | null };

/**
 * Milliseconds from now until the next poll. `failures` counts failed polls in a row, including this one.
 * On success, the next poll keeps the schedule (scheduledAt + interval) unless the poll ran late.
 */
export function nextPollDelayMs(input: { intervalMinutes: number; failures: number; outcome: PollOutcome; scheduledAt?: number; now: number }): number {
  const interval = input.intervalMinutes * 60_000;
  if (input.outcome.ok) {
    const onSchedule = (input.scheduledAt ?? input.now) + interval - input.now;
    return onSchedule > 0 ? onSchedule : interval;
  }
  const backoff = Math.min(interval * 2 ** Math.max(0, input.failures), MAX_BACKOFF_MS);
  const asked = Math.min(input.outcome.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS);
  return Math.max(backoff, asked);
}

/** An item that failed to ingest is tried again after 1, 2, 4 ... minutes, at most every 6 hours. */
export function itemRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}
