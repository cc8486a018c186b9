import NextAuth from "next-auth";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/login";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth answers every refused sign-in with 401; a throttled one is turned into 429 here, so scripts
 * and the login form can tell "wrong credentials" from "wait".
 */
async function signInHandler(request: Request, context: Context): Promise<Response> {
  const response: Response = await handler(request, context);
  if (response.status !== 401) return response;
  const location = response.headers.get("location") ?? (await response.clone().json().catch(() => null))?.url;
  if (typeof location !== "string" || !location.includes(`error=${TOO_MANY_ATTEMPTS}`)) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", "900");
  return new Response(response.body, { status: 429, headers });
}

export { handler as GET, signInHandler as POST };
