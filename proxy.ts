/**
 * The first layer of access control for pages, and their Content-Security-Policy.
 *
 * Every page request gets a fresh nonce and a CSP that allows only scripts carrying it (lib/http/csp.ts);
 * the CSP goes on the request too, which is where Next reads the nonce for its own scripts. Anonymous
 * visitors go to the login page, which brings them back where they were (PATH_HEADER). Only the session
 * cookie's signature is checked here; the guard in lib/auth/guard.ts re-checks the user and the role in
 * every page, route handler and server action.
 *
 * API routes are not matched: there the guard alone already answers everything this layer would (401 JSON
 * to anonymous calls, 403 to cookie-carrying writes from another origin, with the same messages), and
 * running the proxy first cost ~1.2 ms of server CPU per API call, a fifth of a typical one
 * (tests/integration/route-coverage.test.ts checks the guard of every handler without any proxy).
 */
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/session-token";
import { newNonce, NONCE_HEADER, pageCsp } from "@/lib/http/csp";

const PUBLIC_PAGES = new Set(["/login"]);

export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.has(pathname) && !(await getToken({ req: request }))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  headers.set(NONCE_HEADER, nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // API routes answer for themselves (see above); static assets are public: Next's build output, and
  // files with an extension served from public/.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|woff2?)$).*)"],
};
