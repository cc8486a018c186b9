/**
 * Access control against the real server (proxy.ts + the guard in every page and handler), for every page
 * and route handler under app/, found on the file system. Also the security headers of real responses.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { setUserDisabled } from "@/lib/auth/users";
import { concretePath, HTTP_METHODS, listAppRoutes, MUTATING_METHODS, PUBLIC_ROUTES, REDIRECT_ONLY_PAGES, VIEWER_MUTATIONS } from "../app-routes";
import { createTestUser, E2E_PASSWORD, signInOverHttp } from "./auth-helpers";

const baseUrl = inject("baseUrl");
const routes = listAppRoutes();
const pages = routes.filter((route) => route.kind === "page" && !PUBLIC_ROUTES.has(route.path));
const apiRoutes = routes.filter((route) => route.kind === "route" && !PUBLIC_ROUTES.has(route.path));

async function methodsOf(file: string): Promise<string[]> {
  const source = await import("node:fs").then((fs) => fs.readFileSync(file, "utf8"));
  // Read from the source, not by importing: the handlers' modules run in the server, not here.
  return HTTP_METHODS.filter((method) => new RegExp(`export\\s+(async\\s+function\\s+${method}\\b|const\\s+${method}\\b|\\{[^}]*\\bas\\s+${method}\\b[^}]*\\})`).test(source));
}

function expectLoginRedirect(response: Response, path: string) {
  expect(response.status, path).toBeGreaterThanOrEqual(302);
  expect(response.status, path).toBeLessThanOrEqual(308);
  const location = new URL(response.headers.get("location") ?? "", baseUrl);
  expect(location.pathname, path).toBe("/login");
  expect(location.searchParams.get("callbackUrl") ?? "", path).toContain(path);
}

let viewerCookie: string;

beforeAll(async () => {
  const viewer = await createTestUser("viewer");
  const { cookie } = await signInOverHttp(baseUrl, viewer.email, E2E_PASSWORD);
  viewerCookie = cookie!;
});

describe("anonymous visitors", () => {
  it("are sent to the login page from every page, with the way back", async () => {
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages.filter((candidate) => !REDIRECT_ONLY_PAGES.has(candidate.path))) {
      const path = concretePath(page.path);
      expectLoginRedirect(await fetch(`${baseUrl}${path}`, { redirect: "manual" }), path);
    }
  });

  it("get 401 JSON from every API route and method", async () => {
    const failures: string[] = [];
    for (const route of apiRoutes) {
      for (const method of await methodsOf(route.file)) {
        const response = await fetch(`${baseUrl}${concretePath(route.path)}`, {
          method,
          redirect: "manual",
          headers: { "content-type": "application/json" },
          body: method === "GET" || method === "HEAD" ? undefined : "{}",
        });
        const body = method === "HEAD" ? { error: "unauthorized" } : await response.json().catch(() => null);
        if (response.status !== 401 || body?.error !== "unauthorized") failures.push(`${method} ${route.path} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("can reach the public routes: the login page, /api/auth and /api/health", async () => {
    expect((await fetch(`${baseUrl}/login`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/api/auth/csrf`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });
});

describe("signed-in users", () => {
  it("a viewer gets 403 from every mutating API endpoint", async () => {
    const failures: string[] = [];
    for (const route of apiRoutes) {
      for (const method of (await methodsOf(route.file)).filter((candidate) => MUTATING_METHODS.has(candidate))) {
        if (VIEWER_MUTATIONS.has(`${method} ${route.path}`)) continue;
        const response = await fetch(`${baseUrl}${concretePath(route.path)}`, {
          method,
          headers: { "content-type": "application/json", cookie: viewerCookie, origin: baseUrl },
          body: "{}",
        });
        if (response.status !== 403) failures.push(`${method} ${route.path} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a viewer gets the 403 page on admin pages", async () => {
    for (const path of ["/admin/users", "/admin/audit"]) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: viewerCookie } });
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain("You do not have access to this page");
    }
  });

  it("a cookie-authenticated write from another origin is refused", async () => {
    const response = await fetch(`${baseUrl}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: viewerCookie, origin: "https://evil.example" },
      body: JSON.stringify({ name: "csrf" }),
    });
    expect(response.status).toBe(403);
    const sameOrigin = await fetch(`${baseUrl}/api/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: viewerCookie, origin: baseUrl },
      body: JSON.stringify({ name: "mine" }),
    });
    expect(sameOrigin.status).toBe(201);
  });

  it("a disabled user's open session is refused by every page's guard at the next request", async () => {
    const analyst = await createTestUser("analyst");
    const { cookie } = await signInOverHttp(baseUrl, analyst.email, E2E_PASSWORD);
    const before = await fetch(`${baseUrl}/settings/tokens`, { headers: { cookie: cookie! }, redirect: "manual" });
    expect(before.status).toBe(200);
    await setUserDisabled(analyst.id, true);
    // proxy.ts still accepts the signed cookie; the guard, which reads the user row, must not.
    for (const page of pages.filter((candidate) => !REDIRECT_ONLY_PAGES.has(candidate.path))) {
      const path = concretePath(page.path);
      expectLoginRedirect(await fetch(`${baseUrl}${path}`, { headers: { cookie: cookie! }, redirect: "manual" }), path);
    }
    const api = await fetch(`${baseUrl}/api/tokens`, { headers: { cookie: cookie! } });
    expect(api.status).toBe(401);
  });
});

describe("sign-in throttling over HTTP", () => {
  it("answers 401 to wrong credentials, then 429 with Retry-After once an account is hammered", async () => {
    const target = await createTestUser("viewer");
    const statuses: number[] = [];
    for (let index = 0; index < 9; index++) {
      statuses.push((await signInOverHttp(baseUrl, target.email, "wrong password!")).response.status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    const { response } = await signInOverHttp(baseUrl, target.email, E2E_PASSWORD);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("security headers", () => {
  it("are on pages and API responses", async () => {
    for (const path of ["/login", "/api/health", "/api/tokens"]) {
      const response = await fetch(`${baseUrl}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      // Pages: scripts by nonce only (tests/e2e/security.test.ts); JSON answers: nothing at all.
      expect(csp, path).toContain(path.startsWith("/api/") ? "default-src 'none'" : "object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("the session cookie is HttpOnly and SameSite=Lax", async () => {
    const user = await createTestUser("viewer");
    const { response } = await signInOverHttp(baseUrl, user.email, E2E_PASSWORD);
    const session = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token="))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Expires=/i);
  });
});
