import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "@/lib/ingest/fetch-feed";
import { itemRetryDelayMs, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, nextPollDelayMs } from "@/lib/feeds/schedule";

const MINUTE = 60_000;
const now = Date.UTC(2026, 11, 4, 12, 0, 0);

describe("nextPollDelayMs", () => {
  it("keeps a healthy feed on its schedule, even when the poll ran a little late", () => {
    expect(nextPollDelayMs({ intervalMinutes: 15, failures: 0, outcome: { ok: true }, scheduledAt: now - 5_000, now })).toBe(15 * MINUTE - 5_000);
    expect(nextPollDelayMs({ intervalMinutes: 15, failures: 0, outcome: { ok: true }, now })).toBe(15 * MINUTE);
    // Far behind schedule: a full interval from now, not a burst of catch-up polls.
    expect(nextPollDelayMs({ intervalMinutes: 1, failures: 0, outcome: { ok: true }, scheduledAt: now - 10 * MINUTE, now })).toBe(MINUTE);
  });

  it("backs off exponentially on failures, up to six hours", () => {
    const delays = [1, 2, 3, 10].map((failures) => nextPollDelayMs({ intervalMinutes: 15, failures, outcome: { ok: false }, now }));
    expect(delays).toEqual([30 * MINUTE, 60 * MINUTE, 120 * MINUTE, MAX_BACKOFF_MS]);
  });

  it("never asks sooner than Retry-After, and caps an absurd one at a day", () => {
    expect(nextPollDelayMs({ intervalMinutes: 1, failures: 1, outcome: { ok: false, retryAfterMs: 3_600_000 }, now })).toBe(3_600_000);
    expect(nextPollDelayMs({ intervalMinutes: 60, failures: 1, outcome: { ok: false, retryAfterMs: 60_000 }, now })).toBe(120 * MINUTE);
    expect(nextPollDelayMs({ intervalMinutes: 1, failures: 1, outcome: { ok: false, retryAfterMs: 90 * 86_400_000 }, now })).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe("itemRetryDelayMs", () => {
  it("retries a failed item after 1, 2, 4 minutes, at most every six hours", () => {
    expect([1, 2, 3].map(itemRetryDelayMs)).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE]);
    expect(itemRetryDelayMs(50)).toBe(MAX_BACKOFF_MS);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, and ignores garbage", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
