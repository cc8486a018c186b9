/**
 * The one guard. Every page, server action and route handler calls it on the server; proxy.ts only saves
 * anonymous visitors a round trip. The user row is re-read on every request (a primary-key lookup), so a
 * disabled user, a changed role or a reset password takes effect at the next request; the same row
 * carries the session generation, so revoking sessions (sign-out, password, role, disabling) costs no
 * extra read.
 */
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors/app-error";
import { keyedError } from "@/lib/errors/keyed";
import { clientIp } from "./ip";
import { passwordFingerprint } from "./password";
import { hasRole, type Role } from "./roles";
import { decodeSessionToken, PATH_HEADER, parseCookieHeader, readSessionCookie } from "./session-token";
import { findUserByApiToken } from "./tokens";
import type { SessionUser } from "./types";
import { findUserCredentialsById } from "./users";

export type { Role } from "./roles";
export type { SessionUser } from "./types";
export { hasRole } from "./roles";

async function userFromSessionCookie(get: (name: string) => string | undefined): Promise<SessionUser | null> {
  const claims = await decodeSessionToken(readSessionCookie(get));
  if (!claims) return null;
  const user = await findUserCredentialsById(claims.userId);
  if (!user || user.disabled || user.sessionGeneration !== claims.generation) return null;
  if (passwordFingerprint(user.passwordHash) !== claims.passwordFingerprint) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

/**
 * The signed-in user of a page or server action, or null. For pages that anonymous visitors may see.
 * Read once per request: the layout and the page both guard, and React's cache() lets them share the row.
 */
export const getPageUser = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  return userFromSessionCookie((name) => store.get(name)?.value);
});

export function loginPath(callbackPath?: string | null): string {
  // Only local paths: an open redirect through the login page would be a phishing aid.
  const safe = callbackPath && callbackPath.startsWith("/") && !callbackPath.startsWith("//") && !callbackPath.startsWith("/login");
  return safe ? `/login?${new URLSearchParams({ callbackUrl: callbackPath })}` : "/login";
}

/**
 * For pages and server actions: redirects an anonymous visitor to the login page and answers 403 (the
 * app's forbidden page) when the role is too low.
 */
export async function requirePageUser(minRole?: Role): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) redirect(loginPath((await headers()).get(PATH_HEADER)));
  if (minRole && !hasRole(user.role, minRole)) forbidden();
  return user;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A cookie-authenticated request that changes something must come from Vigie's own pages. SameSite=Lax
 * cookies already stop most cross-site posts; this also stops them from a sibling subdomain.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") throw keyedError("forbidden", "crossSite");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or garbage: refused below
  }
  if (originHost !== host) throw keyedError("forbidden", "crossOrigin");
}

/**
 * For route handlers: the user of the session cookie or of an `Authorization: Bearer <token>` header.
 * Throws AppError("unauthorized") (401) or AppError("forbidden") (403); apiRoute (lib/http/api-route.ts) maps it.
 */
export async function requireApiUser(request: Request, minRole?: Role): Promise<SessionUser> {
  let user: SessionUser | null;
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw keyedError("unauthorized", "malformedAuthorization");
    const found = await findUserByApiToken(match[1]);
    if (!found) throw keyedError("unauthorized", "invalidToken");
    if (found.scope === "read" && !SAFE_METHODS.has(request.method.toUpperCase())) {
      throw keyedError("forbidden", "readOnlyToken");
    }
    user = found.user;
  } else {
    const cookieJar = parseCookieHeader(request.headers.get("cookie"));
    user = await userFromSessionCookie((name) => cookieJar.get(name));
    if (!user) throw keyedError("unauthorized", "signIn");
    assertSameOrigin(request);
  }
  if (minRole && !hasRole(user.role, minRole)) throw keyedError("forbidden", "roleTooLow", { required: minRole, role: user.role });
  return user;
}

/** The client's address, for the audit rows a route handler writes. */
export function requestIp(request: Request): string {
  return clientIp(request.headers);
}

/** The client's address, for the audit rows a server action writes. */
export async function actionIp(): Promise<string> {
  return clientIp(await headers());
}
