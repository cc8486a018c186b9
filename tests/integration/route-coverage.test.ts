/**
 * Access control for every route handler under app/, found on the file system: anonymous calls are
 * refused with 401 JSON, a viewer is refused with 403 on every mutating endpoint, and on every read an
 * API token gets exactly the answer its owner's session gets (JSON and CSV endpoints alike). Handlers are called directly, which proves the guard inside each handler
 * (proxy.ts is a second layer, checked against the real server in tests/e2e/route-coverage.test.ts).
 * Every page is checked to call the guard; its behaviour is proved in the e2e test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HTTP_METHODS, listAppRoutes, MUTATING_METHODS, paramValues, PUBLIC_ROUTES, REDIRECT_ONLY_PAGES, VIEWER_MUTATIONS, type AppRoute } from "../app-routes";
import { query } from "./db";
import { seedFixtures } from "./incidents/fixtures";
import { signedInUser, withCookie, withToken, type Caller } from "./session";


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
  await seedFixtures(); // incidents, a source and reference data, so that reads answer with content to compare
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
    const differences: string[] = [];
    for (const endpoint of all.filter((candidate) => candidate.method === "GET")) {
      const bySession = await call(endpoint, withCookie(viewer.cookie));
      const byToken = await call(endpoint, withToken(viewer.token));
      const [sessionBody, tokenBody] = [await bySession.text(), await byToken.text()];
      if (bySession.status !== byToken.status || bySession.headers.get("content-type") !== byToken.headers.get("content-type") || sessionBody !== tokenBody) {
        differences.push(`${label(endpoint)}: session ${bySession.status} ${sessionBody.slice(0, 200)}, token ${byToken.status} ${tokenBody.slice(0, 200)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("may make the few writes open to them (their own tokens and saved views)", async () => {
    const exercised = new Set<string>();
    const write = async (name: string, id: number | null, body: unknown) => {
      const endpoint = all.find((candidate) => label(candidate) === name)!;
      exercised.add(name);
      const url = `http://localhost:3000${endpoint.route.path.replace("[id]", String(id))}`;
      const init = withCookie(viewer.cookie, { method: endpoint.method, headers: { "content-type": "application/json" }, body: body === null ? undefined : JSON.stringify(body) });
      return endpoint.handler(new Request(url, init), { params: Promise.resolve<Record<string, string>>(id === null ? {} : { id: String(id) }) });
    };
    const owned = (table: string, id: number) => query(`SELECT * FROM ${table} WHERE id = $1 AND ${table === "saved_view" ? "owner_id" : "user_id"} = $2`, [id, viewer.user.id]);

    const token = await write("POST /api/tokens", null, { name: "viewer laptop" });
    expect(token.status).toBe(201);
    const { id: tokenId } = (await token.json()) as { id: number };
    expect(await owned("api_token", tokenId)).toMatchObject([{ name: "viewer laptop", revoked_at: null }]);
    expect((await write("DELETE /api/tokens/[id]", tokenId, null)).status).toBe(204);
    expect((await owned("api_token", tokenId))[0]!.revoked_at).toBeInstanceOf(Date);

    const view = await write("POST /api/views", null, { name: "Kayes", query: "admin1=Kayes" });
    expect(view.status).toBe(201);
    const { id: viewId } = (await view.json()) as { id: number };
    expect(await owned("saved_view", viewId)).toMatchObject([{ name: "Kayes", query: "admin1=Kayes", shared: false }]);
    expect((await write("PATCH /api/views/[id]", viewId, { name: "Kayes, shared", shared: true })).status).toBe(204);
    expect(await owned("saved_view", viewId)).toMatchObject([{ name: "Kayes, shared", query: "admin1=Kayes", shared: true }]);
    expect((await write("DELETE /api/views/[id]", viewId, null)).status).toBe(204);
    expect(await owned("saved_view", viewId)).toEqual([]);

    // A write added to the allow-list must be given a valid call here too.
    expect([...exercised].sort()).toEqual([...VIEWER_MUTATIONS].sort());
  });
});

describe("pages", () => {
  it("every page calls the guard on the server (its behaviour is proved against the real server in e2e)", () => {
    const unguarded = routes
      .filter((route) => route.kind === "page" && !PUBLIC_ROUTES.has(route.path) && !REDIRECT_ONLY_PAGES.has(route.path))
      .filter((route) => !/requirePageUser\(/.test(readFileSync(route.file, "utf8")))
      .map((route) => route.path);
    expect(unguarded).toEqual([]);
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

describe("server actions", () => {
  it("each exported action calls the guard itself (directly or through a local helper that does)", () => {
    const unguarded: string[] = [];
    for (const file of serverActionFiles()) {
      const source = readFileSync(file, "utf8");
      const chunks = source.split(/\n(?=(?:export\s+)?(?:async\s+)?function\s)/);
      const guards = ["requirePageUser"];
      for (const chunk of chunks) {
        const name = /^(?:async\s+)?function\s+(\w+)/.exec(chunk)?.[1];
        if (name && /requirePageUser\(/.test(chunk)) guards.push(name);
      }
      const calls = new RegExp(`\\b(${guards.join("|")})\\(`);
      for (const chunk of chunks) {
        const exported = /^export\s+async\s+function\s+(\w+)/.exec(chunk)?.[1];
        if (exported && !calls.test(chunk.slice(chunk.indexOf("{")))) unguarded.push(`${file}: ${exported}`);
      }
    }
    expect(serverActionFiles().length).toBeGreaterThan(0);
    expect(unguarded).toEqual([]);
  });
});
