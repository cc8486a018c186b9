/**
 * Reading the next-auth session cookie ourselves instead of through getServerSession: the same code then
 * serves pages (next/headers cookies) and route handlers (the Request's Cookie header, which also works
 * when a test calls a handler directly), and it never re-issues the cookie, so a session ends
 * SESSION_MAX_AGE_SECONDS after sign-in however active it is.
 */
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

/** Set by proxy.ts on every request so a page can send an anonymous visitor back where they were. */
export const PATH_HEADER = "x-vigie-path";

/** Secure cookies whenever the app is served over HTTPS, which every production deployment must be. */
export function useSecureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${useSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start`, which provides one");
  return secret;
}

/** next-auth splits a cookie over 4 KB into name.0, name.1, ...; ours are small, but read both forms. */
export function readSessionCookie(get: (name: string) => string | undefined): string | undefined {
  const name = sessionCookieName();
  const whole = get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; ; index++) {
    const chunk = get(`${name}.${index}`);
    if (chunk === undefined) break;
    chunks.push(chunk);
  }
  return chunks.length ? chunks.join("") : undefined;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      cookies.set(name, part.slice(index + 1).trim());
    }
  }
  return cookies;
}

export type SessionClaims = { userId: number; passwordFingerprint: string; signedInAt: number; generation: number };

/** The verified claims of a session token, or null when it is missing, forged, expired or malformed. */
export async function decodeSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    const userId = Number(payload?.sub);
    const fingerprint = payload?.pwv;
    const signedInAt = payload?.signedInAt;
    const generation = payload?.gen;
    if (!Number.isSafeInteger(userId) || userId <= 0 || typeof fingerprint !== "string" || typeof signedInAt !== "number") return null;
    if (typeof generation !== "number" || !Number.isSafeInteger(generation)) return null;
    // next-auth re-issues the cookie with a fresh expiry whenever /api/auth/session is read: the time of
    // the sign-in itself is what bounds a session.
    if (Date.now() / 1000 - signedInAt > SESSION_MAX_AGE_SECONDS) return null;
    return { userId, passwordFingerprint: fingerprint, signedInAt, generation };
  } catch {
    return null;
  }
}
