import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/login";
import { authOptions } from "@/lib/auth/options";
import { requestLocale } from "@/lib/http/api-route";
import { errorResponse } from "@/lib/http/error-response";
import { readBodyWithLimit } from "@/lib/http/read-body";

const handler = NextAuth(authOptions);

/** A sign-in or sign-out form is a few hundred bytes; next-auth itself would read any body whole. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

/** Hands next-auth a copy of the request whose body was read under the limit (413 beyond it). */
async function withCappedBody(request: NextRequest): Promise<NextRequest> {
  if (!request.body) return request;
  const body = await readBodyWithLimit(request, AUTH_BODY_LIMIT_BYTES);
  return new NextRequest(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body) });
}

async function getHandler(request: NextRequest, context: Context): Promise<Response> {
  try {
    return await handler(await withCappedBody(request), context);
  } catch (error) {
    return errorResponse(error, { locale: requestLocale(request) });
  }
}

/**
 * next-auth answers every refused sign-in with 401; a throttled one is turned into 429 here, so scripts
 * and the login form can tell "wrong credentials" from "wait".
 */
async function postHandler(request: NextRequest, context: Context): Promise<Response> {
  let response: Response;
  try {
    response = await handler(await withCappedBody(request), context);
  } catch (error) {
    return errorResponse(error, { locale: requestLocale(request) });
  }
  if (response.status !== 401) return response;
  const location = response.headers.get("location") ?? (await response.clone().json().catch(() => null))?.url;
  if (typeof location !== "string" || !location.includes(`error=${TOO_MANY_ATTEMPTS}`)) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", "900");
  return new Response(response.body, { status: 429, headers });
}

export { getHandler as GET, postHandler as POST };
