/**
 * Throttling of sign-in attempts, from the login_attempt table (so it holds across restarts and
 * processes). Two independent limits over a sliding 15-minute window:
 * - per account: failures since the account's last successful sign-in are slowed from the 3rd and
 *   refused from the 8th. An address that signed in to this account before (in the last 30 days) is not
 *   held by this limit, so an attacker hammering an account does not lock its owner out.
 * - per address: failures from one address, whatever the account, slowed from the 10th and refused from
 *   the 30th (an office behind one NAT gets room). A success does not reset it, otherwise an attacker
 *   with one valid account could reset it between guesses.
 */
import { prisma } from "@/lib/db/client";

export const WINDOW_MS = 15 * 60_000;
const TRUSTED_ADDRESS_MS = 30 * 24 * 3600_000;
export const ACCOUNT_LIMITS = { slowAfter: 3, blockAt: 8 } as const;
export const ADDRESS_LIMITS = { slowAfter: 10, blockAt: 30 } as const;
const BASE_DELAY_MS = 250;
export const MAX_DELAY_MS = 3_000;

export type ThrottleDecision = { blocked: boolean; retryAfterSeconds: number; delayMs: number };

type Limits = { slowAfter: number; blockAt: number };

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

async function recentFailures(where: { email?: string; ip?: string }, since: Date, take: number): Promise<Date[]> {
  const rows = await prisma.loginAttempt.findMany({
    where: { ...where, success: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true },
  });
  return rows.map((row) => row.createdAt);
}

async function accountDecision(email: string, ip: string | null, now: number): Promise<ThrottleDecision> {
  const [lastSuccess, trusted] = await Promise.all([
    prisma.loginAttempt.findFirst({ where: { email, success: true }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    ip
      ? prisma.loginAttempt.findFirst({ where: { email, ip, success: true, createdAt: { gt: new Date(now - TRUSTED_ADDRESS_MS) } }, select: { id: true } })
      : null,
  ]);
  if (trusted) return { blocked: false, retryAfterSeconds: 0, delayMs: 0 };
  const windowStart = now - WINDOW_MS;
  const since = new Date(Math.max(windowStart, lastSuccess?.createdAt.getTime() ?? 0));
  return decide(await recentFailures({ email }, since, ACCOUNT_LIMITS.blockAt), ACCOUNT_LIMITS, now);
}

async function addressDecision(ip: string | null, now: number): Promise<ThrottleDecision> {
  if (!ip) return { blocked: false, retryAfterSeconds: 0, delayMs: 0 };
  return decide(await recentFailures({ ip }, new Date(now - WINDOW_MS), ADDRESS_LIMITS.blockAt), ADDRESS_LIMITS, now);
}

/** `ip` is null when the address is unknown: then only the account limit applies. */
export async function assessLoginThrottle(email: string, ip: string | null, now = Date.now()): Promise<ThrottleDecision> {
  const [account, address] = await Promise.all([accountDecision(email, ip, now), addressDecision(ip, now)]);
  return {
    blocked: account.blocked || address.blocked,
    retryAfterSeconds: Math.max(account.retryAfterSeconds, address.retryAfterSeconds),
    delayMs: Math.max(account.delayMs, address.delayMs),
  };
}

export async function recordLoginAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await prisma.loginAttempt.create({ data: { email, ip, success } });
}
