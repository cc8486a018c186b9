/**
 * The one wrapper of Vigie's route handlers, so that no handler can forget its role check, read an
 * unbounded body or answer an error in its own shape: it checks the session cookie or API token and the role the route's entry in
 * ROUTE_ROLES requires, parses the route segments, the query and the JSON body (in that order, each
 * with its own parser or zod schema), and maps anything thrown to the one error answer, worded in the
 * caller's language. The handler receives what was parsed and returns its Response (JSON, a stream...).
 */
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { parseCookieHeader } from "@/lib/auth/session-token";
import type { SessionUser } from "@/lib/auth/types";
import { keyedError } from "@/lib/errors/keyed";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/config";
import { errorResponse } from "./error-response";
import { readJsonBody } from "./read-json";

export type RouteKey = keyof typeof ROUTE_ROLES;

/** A zod schema or a parse function: both throw (ZodError, AppError) on bad input. */
export type Parser<In, Out> = { parse(input: In): Out } | ((input: In) => Out);

type Segments = Record<string, string | string[] | undefined>;

export type RouteSpec<P, Q, B> = {
  /** The route segments (see idParams in ./params). */
  params?: Parser<Segments, P>;
  /** The query string. */
  query?: Parser<URLSearchParams, Q>;
  /** The JSON body, read under `bodyLimit` bytes (16 KB by default; see ./read-json). */
  body?: Parser<unknown, B>;
  bodyLimit?: number;
  /** Refuses API tokens: what a leaked token must not be able to do (minting more tokens). */
  sessionOnly?: boolean;
};

export type RouteInput<P, Q, B> = { request: Request; user: SessionUser; locale: Locale; params: P; query: Q; body: B };

/** For bodies the data layer validates itself (it owns the schema): read and parsed as JSON, nothing more. */
export const jsonAsIs = (input: unknown): unknown => input;

type Context = { params?: Promise<Segments> };

function run<In, Out>(parser: Parser<In, Out>, input: In): Out {
  return typeof parser === "function" ? parser(input) : parser.parse(input);
}

/** The caller's language: the user's saved choice, else the switch's cookie, else Accept-Language, else English. */
export function requestLocale(request: Request, user?: SessionUser | null): Locale {
  return resolveLocale({
    saved: user?.locale,
    cookie: parseCookieHeader(request.headers.get("cookie")).get(LOCALE_COOKIE),
    acceptLanguage: request.headers.get("accept-language"),
  });
}

export function apiRoute<P = undefined, Q = undefined, B = undefined>(
  route: RouteKey,
  spec: RouteSpec<P, Q, B>,
  handler: (input: RouteInput<P, Q, B>) => Promise<Response>,
): (request: Request, context?: Context) => Promise<Response> {
  return async (request, context) => {
    let locale = requestLocale(request);
    try {
      const user = await requireApiUser(request, ROUTE_ROLES[route]);
      locale = requestLocale(request, user);
      if (spec.sessionOnly && request.headers.has("authorization")) throw keyedError("forbidden", "sessionOnly");
      const params = spec.params ? run(spec.params, (await context?.params) ?? {}) : (undefined as P);
      const query = spec.query ? run(spec.query, new URL(request.url).searchParams) : (undefined as Q);
      const body = spec.body ? run(spec.body, await readJsonBody(request, spec.bodyLimit)) : (undefined as B);
      return await handler({ request, user, locale, params, query, body });
    } catch (error) {
      return errorResponse(error, { locale });
    }
  };
}
