/**
 * Checking a sign-in: throttling first, then the password, then the attempt recorded for throttling and
 * the audit trail. The caller learns only "signed in", "refused" or "too many attempts": the reason for a
 * refusal (unknown account, wrong password, disabled) goes to the audit trail, never to the client.
 */
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import { PASSWORD_MAX_LENGTH, passwordFingerprint, verifyAgainstDummy, verifyPassword } from "./password";
import { assessLoginThrottle } from "./throttle";
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

export type AuthenticatedUser = SessionUser & { passwordFingerprint: string };

type Attempt = { email: unknown; password: unknown; ip: string };
type Options = { sleep?: (ms: number) => Promise<void> };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function recordOutcome(email: string, ip: string, user: { id: number; email: string } | null, success: boolean, reason?: string) {
  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip, success } });
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

  const throttle = await assessLoginThrottle(email, knownIp);
  if (throttle.blocked) {
    await recordAudit({ ip, action: "auth.login_throttled", details: { email, retryAfterSeconds: throttle.retryAfterSeconds } });
    throw new TooManyAttemptsError(throttle.retryAfterSeconds);
  }
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);

  if (!email || !password || password.length > PASSWORD_MAX_LENGTH) {
    await recordOutcome(email, ip, null, false, "malformed");
    return null;
  }
  const user = await findUserCredentialsByEmail(email);
  if (!user) {
    await verifyAgainstDummy(password);
    await recordOutcome(email, ip, null, false, "unknown_account");
    return null;
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.disabled) {
    await recordOutcome(email, ip, user, false, valid ? "disabled" : "wrong_password");
    return null;
  }
  await recordOutcome(email, ip, user, true);
  return { id: user.id, email: user.email, name: user.name, role: user.role, passwordFingerprint: passwordFingerprint(user.passwordHash) };
}
