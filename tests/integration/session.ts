/**
 * Signed-in callers for route-handler tests: a user of a given role with a real session cookie (encoded
 * exactly as next-auth does) and a real API token. Exercises the same guard as production requests.
 */
import { encode } from "next-auth/jwt";
import { randomBytes } from "node:crypto";
import { passwordFingerprint } from "@/lib/auth/password";
import type { Role, SessionUser } from "@/lib/auth/guard";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName } from "@/lib/auth/session-token";
import { createApiToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { query } from "./db";

export const TEST_PASSWORD = "correct horse battery staple";

/** The Cookie header of a session for this user, as the browser would send it after signing in. */
export async function sessionCookie(userId: number, options: { maxAge?: number; signedInAt?: number } = {}): Promise<string> {
  const [row] = await query<{ password_hash: string; session_generation: number }>(`SELECT password_hash, session_generation FROM "user" WHERE id = $1`, [userId]);
  const token = await encode({
    token: {
      sub: String(userId),
      pwv: passwordFingerprint(row.password_hash),
      gen: row.session_generation,
      signedInAt: options.signedInAt ?? Math.floor(Date.now() / 1000),
    },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: options.maxAge ?? SESSION_MAX_AGE_SECONDS,
  });
  return `${sessionCookieName()}=${token}`;
}

export type Caller = { user: SessionUser; cookie: string; token: string };

export async function signedInUser(role: Role, email = `${role}-${randomBytes(4).toString("hex")}@example.org`): Promise<Caller> {
  const user = await createUser({ email, password: TEST_PASSWORD, role, name: `Test ${role}` });
  return { user, cookie: await sessionCookie(user.id), token: (await createApiToken(user.id, "test")).token };
}

export function withCookie(cookie: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), cookie } };
}

export function withToken(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } };
}
