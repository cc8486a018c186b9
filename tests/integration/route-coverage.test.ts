/**
 * Access control for every route handler under app/, found on the file system: anonymous calls are
 * refused with 401 JSON, a viewer is refused with 403 on every mutating endpoint, and on every read an
 * API token gets exactly the answer its owner's session gets (JSON and CSV endpoints alike). Handlers are called directly, which proves the guard inside each handler
 * (proxy.ts is a second layer, checked against the real server in tests/e2e/route-coverage.test.ts).
 * Every page is checked to call the guard; its behaviour is proved in the e2e test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACTION_ROLES, PAGE_ROLES, ROUTE_ROLES } from "@/lib/auth/access";
import { ROLES, type Role } from "@/lib/auth/roles";
import { HTTP_METHODS, listAppRoutes, MUTATING_METHODS, paramValues, PUBLIC_ROUTES, REDIRECT_ONLY_PAGES, VIEWER_MUTATIONS, type AppRoute } from "../app-routes";
import { actionForm, callValid, databaseSnapshot, interruption, seedAccessFixture, viewerActionFixture } from "./access-fixture";
import { resetDatabase } from "./db";
import { seedFixtures } from "./incidents/fixtures";
import { signedInUser, withCookie, withToken, type Caller } from "./session";

// Pages and server actions read the session through next/headers; outside a request, the test supplies
// the cookie a browser would send. The guard itself runs unchanged.
const session = vi.hoisted(() => {
  // What next.config.js's experimental.authInterrupts sets in a build, so forbidden() works here as in the app.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  return { cookie: "" };
});
vi.mock("next/headers", async () => {
  const { parseCookieHeader } = await import("@/lib/auth/session-token");
  return {
    cookies: async () => {
      const jar = parseCookieHeader(session.cookie);
      return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: () => undefined };
    },
    headers: async () => new Headers(session.cookie ? { cookie: session.cookie } : {}),
  };
});
// Outside a request next-intl has no request config: the actions' messages come from the English file, through next-intl's own translator.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }), getLocale: async () => "en", getMessages: async () => messages };
});
// revalidatePath needs Next's request store; the actions that succeed here have nothing to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Endpoint = { route: AppRoute; method: string; handler: Handler };

const routes = listAppRoutes();
const apiRoutes = routes.filter((route) => route.kind === "route" && !PUBLIC_ROUTES.has(route.path));

async function endpoints(): Promise<Endpoint[]> {
  const found: Endpoint[] = [];
  for (const route of apiRoutes) {
    const module = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof module[method] === "function") found.push({ route, method, handler: module[method] as Handler });
    }
  }
  return found;
}

function call(endpoint: Endpoint, init: RequestInit = {}): Promise<Response> {
  const url = `http://localhost:3000${endpoint.route.path.replace(/\[[^\]]+\]/g, "1")}`;
  const body = endpoint.method === "GET" || endpoint.method === "HEAD" ? undefined : "{}";
  const headers = { "content-type": "application/json", ...(init.headers as Record<string, string>) };
  return endpoint.handler(new Request(url, { ...init, method: endpoint.method, headers, body }), { params: Promise.resolve(paramValues(endpoint.route)) });
}

const label = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.route.path}`;

let all: Endpoint[];
let viewer: Caller;

beforeAll(async () => {
  await resetDatabase();
  all = await endpoints();
  viewer = await signedInUser("viewer");
});

describe("route discovery", () => {
  it("finds the route handlers and pages on the file system", () => {
    const paths = routes.map((route) => `${route.kind} ${route.path}`);
    expect(paths).toContain("route /api/tokens");
    expect(paths).toContain("route /api/admin/users/[id]");
    expect(paths).toContain("page /admin/users");
    expect(all.map(label)).toContain("DELETE /api/tokens/[id]");
  });

  it("keeps the public allow-list to routes that exist", () => {
    for (const path of PUBLIC_ROUTES) expect(routes.some((route) => route.path === path), path).toBe(true);
  });
});

describe("anonymous callers", () => {
  it("get 401 JSON from every non-public route handler and method", async () => {
    const failures: string[] = [];
    for (const endpoint of all) {
      const attempts: Record<string, string>[] = [{}, { authorization: "Bearer vigie_not-a-real-token" }, { cookie: "next-auth.session-token=forged" }];
      for (const auth of attempts) {
        const response = await call(endpoint, { headers: auth });
        const body = endpoint.method === "HEAD" ? null : await response.json().catch(() => null);
        if (response.status !== 401 || (body && body.error !== "unauthorized")) failures.push(`${label(endpoint)} ${JSON.stringify(auth)} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("viewers", () => {
  it("get 403 JSON from every mutating endpoint, by session cookie and by API token", async () => {
    const failures: string[] = [];
    for (const endpoint of all.filter((candidate) => MUTATING_METHODS.has(candidate.method) && !VIEWER_MUTATIONS.has(label(candidate)))) {
      for (const init of [withCookie(viewer.cookie), withToken(viewer.token)]) {
        const response = await call(endpoint, init);
        const body = await response.json().catch(() => null);
        if (response.status !== 403 || body?.error !== "forbidden") failures.push(`${label(endpoint)} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("get the same answer on every read with their API token as with their session", async () => {
    await seedFixtures(); // incidents, a source and reference data, so that reads answer with content to compare
    const reader = await signedInUser("viewer"); // seeding emptied the users
    const differences: string[] = [];
    for (const endpoint of all.filter((candidate) => candidate.method === "GET")) {
      const bySession = await call(endpoint, withCookie(reader.cookie));
      const byToken = await call(endpoint, withToken(reader.token));
      const [sessionBody, tokenBody] = [await bySession.text(), await byToken.text()];
      if (bySession.status !== byToken.status || bySession.headers.get("content-type") !== byToken.headers.get("content-type") || sessionBody !== tokenBody) {
        differences.push(`${label(endpoint)}: session ${bySession.status} ${sessionBody.slice(0, 200)}, token ${byToken.status} ${tokenBody.slice(0, 200)}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

/** Every "use server" file under app/, components/ and lib/. */
function serverActionFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? (entry.name === "generated" ? [] : walk(join(dir, entry.name))) : /\.(ts|tsx)$/.test(entry.name) ? [join(dir, entry.name)] : [],
    );
  return ["app", "components", "lib"].flatMap((dir) => walk(join(process.cwd(), dir))).filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));
}

/** The incidents' actions answer { ok }, the accounts' ones { status: "ok" | "error" }. */
type Action = (state: unknown, form: FormData) => Promise<{ ok?: boolean; status?: string; message?: string }>;

async function serverActions(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  for (const file of serverActionFiles()) {
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (typeof value === "function") found.set(name, value as Action);
  }
  return found;
}

const guardedPages = routes.filter((route) => route.kind === "page" && !PUBLIC_ROUTES.has(route.path) && !REDIRECT_ONLY_PAGES.has(route.path));

describe("the table of minimum roles", () => {
  it("lists exactly the route handlers, pages and server actions that exist", async () => {
    expect(all.map(label).sort()).toEqual(Object.keys(ROUTE_ROLES).sort());
    expect(guardedPages.map((route) => route.path).sort()).toEqual(Object.keys(PAGE_ROLES).sort());
    expect([...(await serverActions()).keys()].sort()).toEqual(Object.keys(ACTION_ROLES).sort());
  });

  it("opens to viewers only writes on their own tokens, saved views, watches and alert inbox (lowering an entry must change this test)", () => {
    expect([...VIEWER_MUTATIONS].sort()).toEqual(
      [
        "DELETE /api/tokens/[id]",
        "DELETE /api/views/[id]",
        "PATCH /api/views/[id]",
        "POST /api/tokens",
        "POST /api/views",
        "POST /api/watches",
        "PATCH /api/watches/[id]",
        "DELETE /api/watches/[id]",
        "POST /api/alerts/read",
      ].sort(),
    );
    const viewerActions = Object.entries(ACTION_ROLES).filter(([, role]) => role === "viewer").map(([name]) => name);
    expect(viewerActions.sort()).toEqual(["createTokenAction", "deleteViewAction", "revokeTokenAction", "saveViewAction", "setLocaleAction"]);
  });
});

/**
 * Calls as the role just below each entry's minimum, with bodies that are valid (so a refusal cannot be
 * a validation error), and checks the refusal and that the database did not change.
 */
describe("every entry, called with the role just below its minimum", () => {
  let callers: Record<Role, Caller>;
  let fixture: Awaited<ReturnType<typeof seedAccessFixture>>;

  beforeAll(async () => {
    // Fresh callers: the sweeps above revoked the first viewer's token.
    callers = { viewer: await signedInUser("viewer"), analyst: await signedInUser("analyst"), admin: await signedInUser("admin") };
    fixture = await seedAccessFixture(callers);
  });

  const below = (role: Role): Role | null => (role === "viewer" ? null : ROLES[ROLES.indexOf(role) - 1]);

  it("route handlers answer 401 or 403 and change nothing, by session cookie and by API token", async () => {
    const before = await databaseSnapshot();
    const failures: string[] = [];
    for (const endpoint of all) {
      const key = label(endpoint) as keyof typeof ROUTE_ROLES;
      const lower = below(ROUTE_ROLES[key]);
      const credentials: RequestInit[] = lower ? [withCookie(callers[lower].cookie), withToken(callers[lower].token)] : [{}];
      for (const init of credentials) {
        const response = await callValid(endpoint, fixture, init);
        const expected = lower ? 403 : 401;
        if (response.status !== expected) failures.push(`${key} as ${lower ?? "anonymous"} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("pages refuse (the forbidden page, or the login redirect for anonymous visitors)", async () => {
    const failures: string[] = [];
    for (const page of guardedPages) {
      const lower = below(PAGE_ROLES[page.path as keyof typeof PAGE_ROLES]);
      session.cookie = lower ? callers[lower].cookie : "";
      const { default: render } = (await import(/* @vite-ignore */ page.file)) as { default: (props: unknown) => Promise<unknown> };
      const digest = await interruption(() => render({ params: Promise.resolve(paramValues(page)), searchParams: Promise.resolve({}) }));
      const expected = lower ? "NEXT_HTTP_ERROR_FALLBACK;403" : "NEXT_REDIRECT";
      if (!digest.startsWith(expected)) failures.push(`${page.path} as ${lower ?? "anonymous"} → ${digest}`);
    }
    session.cookie = "";
    expect(failures).toEqual([]);
  });

  it("server actions refuse and change nothing", async () => {
    const before = await databaseSnapshot();
    const failures: string[] = [];
    for (const [name, action] of await serverActions()) {
      const lower = below(ACTION_ROLES[name as keyof typeof ACTION_ROLES]);
      session.cookie = lower ? callers[lower].cookie : "";
      const digest = await interruption(() => action({ status: "idle" }, actionForm(name, fixture)));
      const expected = lower ? "NEXT_HTTP_ERROR_FALLBACK;403" : "NEXT_REDIRECT";
      if (!digest.startsWith(expected)) failures.push(`${name} as ${lower ?? "anonymous"} → ${digest}`);
    }
    session.cookie = "";
    expect(failures).toEqual([]);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("viewers succeed on the writes open to them, with the same valid bodies", async () => {
    const statuses: string[] = [];
    for (const endpoint of all.filter((candidate) => VIEWER_MUTATIONS.has(label(candidate)))) {
      statuses.push(`${label(endpoint)} ${(await callValid(endpoint, fixture, withCookie(callers.viewer.cookie))).status}`);
    }
    expect(statuses.sort()).toEqual(
      [
        "DELETE /api/tokens/[id] 204",
        "DELETE /api/views/[id] 204",
        "PATCH /api/views/[id] 204",
        "POST /api/tokens 201",
        "POST /api/views 201",
        "POST /api/watches 201",
        "PATCH /api/watches/[id] 200",
        "DELETE /api/watches/[id] 204",
        "POST /api/alerts/read 200",
      ].sort(),
    );
    session.cookie = callers.viewer.cookie;
    const actions = await serverActions();
    const outcomes: string[] = [];
    for (const [name, role] of Object.entries(ACTION_ROLES)) {
      if (role !== "viewer") continue;
      // The header's language switch takes the language itself, not a form.
      const result =
        name === "setLocaleAction"
          ? await (actions.get(name) as unknown as (locale: string) => Promise<{ ok: boolean; status?: string }>)("fr")
          : await actions.get(name)!({ status: "idle" }, actionForm(name, await viewerActionFixture(fixture)));
      outcomes.push(`${name} ${result.ok === true || result.status === "ok" ? "ok" : JSON.stringify(result)}`);
    }
    session.cookie = "";
    expect(outcomes.filter((outcome) => !outcome.endsWith(" ok"))).toEqual([]);
  });
});
