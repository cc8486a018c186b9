/**
 * Throttling of sign-in attempts, from the login_attempt table (so it holds across restarts and
 * processes). Three limits over a sliding 15-minute window:
 * - one account from one address: failures since the account's last successful sign-in are slowed from
 *   the 3rd and refused from the 8th. This is the limit a guesser meets first.
 * - one account from every address (distributed guessing): slowed from the 10th failure, refused from the
 *   40th. An address that signed in to this account before (in the last 30 days) is not held by this
 *   limit, so an attacker who spreads guesses over many addresses does not lock the owner out of the
 *   places they work from; a guesser cannot lock anyone out from their own address alone.
 * - one address, whatever the account: slowed from the 10th failure, refused from the 30th (an office
 *   behind one NAT gets room). A success does not reset it, otherwise an attacker with one valid account
 *   could reset it between guesses.
 *
 * Counting is atomic: an attempt takes a transaction-scoped advisory lock on its account (then on its
 * address: always in that order, so two attempts never wait on each other in a cycle), counts, and
 * records itself as a failure before the password is checked; a success turns that row into a success.
 * So a burst of concurrent guesses is counted one by one and at most `blockAt` of them reach the check.
 *
 * Refused attempts write at most one row (and one audit event) per address per window, so a blocked
 * client hammering the endpoint adds nothing to the database.
 */
import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const WINDOW_MS = 15 * 60_000;
const TRUSTED_ADDRESS_MS = 30 * 24 * 3600_000;
export const ACCOUNT_ADDRESS_LIMITS = { slowAfter: 3, blockAt: 8 } as const;
export const ACCOUNT_LIMITS = { slowAfter: 10, blockAt: 40 } as const;
export const ADDRESS_LIMITS = { slowAfter: 10, blockAt: 30 } as const;
const BASE_DELAY_MS = 250;
export const MAX_DELAY_MS = 3_000;

export type ThrottleDecision = { blocked: boolean; retryAfterSeconds: number; delayMs: number };

/** The outcome of reserving an attempt: either refused (and whether this refusal was the first one recorded), or a row to settle. */
export type AttemptReservation =
  | { blocked: true; retryAfterSeconds: number; firstRefusal: boolean }
  | { blocked: false; attemptId: bigint; delayMs: number };

type Limits = { slowAfter: number; blockAt: number };
type Tx = Prisma.TransactionClient;

const OPEN: ThrottleDecision = { blocked: false, retryAfterSeconds: 0, delayMs: 0 };

/** The failures' times, newest first, at most `blockAt` of them: enough to decide and to say when it ends. */
function decide(failures: Date[], limits: Limits, now: number): ThrottleDecision {
  if (failures.length >= limits.blockAt) {
    const expires = failures[limits.blockAt - 1].getTime() + WINDOW_MS;
    return { blocked: true, retryAfterSeconds: Math.max(1, Math.ceil((expires - now) / 1000)), delayMs: 0 };
  }
  const excess = failures.length - limits.slowAfter;
  const delayMs = excess < 0 ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** excess);
  return { blocked: false, retryAfterSeconds: 0, delayMs };
}

function combine(decisions: ThrottleDecision[]): ThrottleDecision {
  return {
    blocked: decisions.some((decision) => decision.blocked),
    retryAfterSeconds: Math.max(...decisions.map((decision) => decision.retryAfterSeconds)),
    delayMs: Math.max(...decisions.map((decision) => decision.delayMs)),
  };
}

async function recentFailures(tx: Tx, where: { email?: string; ip?: string }, since: Date, take: number): Promise<Date[]> {
  const rows = await tx.loginAttempt.findMany({
    where: { ...where, success: false, throttled: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true },
  });
  return rows.map((row) => row.createdAt);
}

async function accountDecisions(tx: Tx, email: string, ip: string | null, now: number): Promise<ThrottleDecision[]> {
  const [lastSuccess, trusted] = await Promise.all([
    tx.loginAttempt.findFirst({ where: { email, success: true }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    ip ? tx.loginAttempt.findFirst({ where: { email, ip, success: true, createdAt: { gt: new Date(now - TRUSTED_ADDRESS_MS) } }, select: { id: true } }) : null,
  ]);
  const since = new Date(Math.max(now - WINDOW_MS, lastSuccess?.createdAt.getTime() ?? 0));
  const [fromAddress, fromAnywhere] = await Promise.all([
    ip ? recentFailures(tx, { email, ip }, since, ACCOUNT_ADDRESS_LIMITS.blockAt) : null,
    trusted ? null : recentFailures(tx, { email }, since, ACCOUNT_LIMITS.blockAt),
  ]);
  return [
    fromAddress ? decide(fromAddress, ACCOUNT_ADDRESS_LIMITS, now) : OPEN,
    // Without a known address, the account-wide limit is all there is: it takes the stricter numbers.
    fromAnywhere ? decide(fromAnywhere, ip ? ACCOUNT_LIMITS : ACCOUNT_ADDRESS_LIMITS, now) : OPEN,
  ];
}

async function addressDecision(tx: Tx, ip: string | null, now: number): Promise<ThrottleDecision> {
  if (!ip) return OPEN;
  return decide(await recentFailures(tx, { ip }, new Date(now - WINDOW_MS), ADDRESS_LIMITS.blockAt), ADDRESS_LIMITS, now);
}

async function lock(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/**
 * Decides on one attempt and, unless it is refused, records it as a failure in the same transaction
 * (see the module comment). `ip` is null when the address is unknown: then only the account limits apply.
 */
export async function reserveLoginAttempt(email: string, ip: string | null, now = Date.now()): Promise<AttemptReservation> {
  return prisma.$transaction(async (tx) => {
    await lock(tx, `login:account:${email}`);
    if (ip) await lock(tx, `login:address:${ip}`);
    const decision = combine([...(await accountDecisions(tx, email, ip, now)), await addressDecision(tx, ip, now)]);
    if (decision.blocked) {
      const marker = ip ? { ip } : { email };
      const earlier = await tx.loginAttempt.findFirst({
        where: { ...marker, throttled: true, createdAt: { gt: new Date(now - WINDOW_MS) } },
        select: { id: true },
      });
      if (!earlier) await tx.loginAttempt.create({ data: { email, ip: ip ?? "unknown", success: false, throttled: true } });
      return { blocked: true, retryAfterSeconds: decision.retryAfterSeconds, firstRefusal: !earlier };
    }
    const row = await tx.loginAttempt.create({ data: { email, ip: ip ?? "unknown", success: false }, select: { id: true } });
    return { blocked: false, attemptId: row.id, delayMs: decision.delayMs };
  });
}

/** Turns a reserved attempt into a success, inside the caller's transaction (with its audit row). */
export async function settleLoginSuccess(tx: Tx, attemptId: bigint): Promise<void> {
  await tx.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}
