/**
 * Checking a sign-in: the attempt is counted first (atomically, see throttle.ts), then the password is
 * checked, then the outcome is settled and audited. The caller learns only "signed in", "refused" or "too many attempts": the reason for a
 * refusal (unknown account, wrong password, disabled) goes to the audit trail, never to the client.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import { PASSWORD_MAX_LENGTH, passwordFingerprint, verifyAgainstDummy, verifyPassword } from "./password";
import { reserveLoginAttempt, settleLoginSuccess } from "./throttle";
import type { SessionUser } from "./types";
import { findUserCredentialsByEmail, normalizeEmail } from "./users";

/** The message next-auth hands back to the login form (as `error`), and the route handler maps to 429. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(TOO_MANY_ATTEMPTS);
    this.name = "TooManyAttemptsError";
  }
}

export type AuthenticatedUser = SessionUser & { passwordFingerprint: string; sessionGeneration: number };

type Attempt = { email: unknown; password: unknown; ip: string };
type Options = { sleep?: (ms: number) => Promise<void> };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The attempt's row was written as a failure when it was reserved: only a success changes it. */
async function recordOutcome(attemptId: bigint, email: string, ip: string, user: { id: number; email: string } | null, success: boolean, reason?: string) {
  await prisma.$transaction(async (tx) => {
    if (success) await settleLoginSuccess(tx, attemptId);
    await recordAudit(
      {
        user,
        ip,
        action: success ? "auth.login" : "auth.login_failed",
        targetType: "user",
        targetId: user?.id,
        details: success ? undefined : { email, reason },
      },
      tx,
    );
  });
}

/**
 * Returns the user on success, null on any refusal; throws TooManyAttemptsError when throttled. Slowed
 * attempts wait before the password is checked, so a fast guesser gains nothing by not waiting.
 */
export async function authenticate(attempt: Attempt, options: Options = {}): Promise<AuthenticatedUser | null> {
  const sleep = options.sleep ?? wait;
  const email = typeof attempt.email === "string" ? normalizeEmail(attempt.email).slice(0, 254) : "";
  const password = typeof attempt.password === "string" ? attempt.password : "";
  const ip = attempt.ip;
  const knownIp = ip === "unknown" ? null : ip;

  const reservation = await reserveLoginAttempt(email, knownIp);
  if (reservation.blocked) {
    // One audit event per address per window, not one per refused request: a blocked client cannot fill the trail.
    if (reservation.firstRefusal) await recordAudit({ ip, action: "auth.login_throttled", details: { email, retryAfterSeconds: reservation.retryAfterSeconds } });
    throw new TooManyAttemptsError(reservation.retryAfterSeconds);
  }
  const { attemptId } = reservation;
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);

  if (!email || !password || password.length > PASSWORD_MAX_LENGTH) {
    await recordOutcome(attemptId, email, ip, null, false, "malformed");
    return null;
  }
  const user = await findUserCredentialsByEmail(email);
  if (!user) {
    await verifyAgainstDummy(password);
    await recordOutcome(attemptId, email, ip, null, false, "unknown_account");
    return null;
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.disabled) {
    await recordOutcome(attemptId, email, ip, user, false, valid ? "disabled" : "wrong_password");
    return null;
  }
  await recordOutcome(attemptId, email, ip, user, true);
  return { id: user.id, email: user.email, name: user.name, role: user.role, passwordFingerprint: passwordFingerprint(user.passwordHash), sessionGeneration: user.sessionGeneration };
}
