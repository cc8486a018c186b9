/**
 * The first layer of access control, for pages: anonymous visitors go to the login page, which brings them
 * back where they were (PATH_HEADER). It only looks at the session cookie's signature; the guard in
 * lib/auth/guard.ts re-checks the user and the role in every page, route handler and server action.
 *
 * API routes are not matched: there the guard alone already answers everything this layer would (401 JSON
 * to anonymous calls, 403 to cookie-carrying writes from another origin, with the same messages), and
 * running the proxy first cost ~1.2 ms of server CPU per API call, a fifth of a typical one
 * (tests/integration/route-coverage.test.ts checks the guard of every handler without any proxy).
 */
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";
import { PATH_HEADER } from "@/lib/auth/session-token";

export default withAuth(
  function proxy(request: NextRequestWithAuth) {
    const { pathname, search } = request.nextUrl;
    const headers = new Headers(request.headers);
    headers.set(PATH_HEADER, `${pathname}${search}`);
    return NextResponse.next({ request: { headers } });
  },
  {
    pages: { signIn: "/login" },
    callbacks: { authorized: ({ token }) => Boolean(token) },
  },
);

export const config = {
  // API routes answer for themselves (see above); static assets are public: Next's build output, and
  // files with an extension served from public/.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|woff2?)$).*)"],
};
