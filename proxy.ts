/**
 * The first layer of access control: anonymous visitors of pages go to the login page, anonymous API
 * calls get 401 JSON, and cookie-carrying writes from another origin are refused. It only looks at the
 * session cookie's signature; the guard in lib/auth/guard.ts re-checks the user and the role in every
 * page, route handler and server action.
 */
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";
import { PATH_HEADER } from "@/lib/auth/session-token";

const PUBLIC_API_PREFIXES = ["/api/auth/", "/api/health"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

function isPublicApi(pathname: string): boolean {
  return PUBLIC_API_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix));
}

function refuse(status: 401 | 403, error: string, message: string): NextResponse {
  return NextResponse.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });
}

function isCrossOrigin(request: NextRequestWithAuth): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export default withAuth(
  function proxy(request: NextRequestWithAuth) {
    const { pathname, search } = request.nextUrl;
    if (isApi(pathname) && !isPublicApi(pathname)) {
      const bearer = request.headers.has("authorization");
      if (!bearer && !request.nextauth.token) return refuse(401, "unauthorized", "Sign in or send an API token to use this endpoint");
      if (!bearer && !SAFE_METHODS.has(request.method) && isCrossOrigin(request)) {
        return refuse(403, "forbidden", "Cross-origin request refused");
      }
    }
    const headers = new Headers(request.headers);
    headers.set(PATH_HEADER, `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  },
  {
    pages: { signIn: "/login" },
    // API paths are answered by the function above (401 JSON, not a redirect to a page).
    callbacks: { authorized: ({ req, token }) => isApi(req.nextUrl.pathname) || Boolean(token) },
  },
);

export const config = {
  // Static assets are public: Next's build output, and files with an extension served from public/.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|woff2?)$).*)"],
};
