/**
 * Properties of the real production server (scripts/cli/serve.ts) that a handler called directly cannot show:
 * where the client's address comes from, how bodies are capped before next-auth reads them, headers.
 */
import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { launchBrowser } from "./browser";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/ip";
import { ACCOUNT_ADDRESS_LIMITS } from "@/lib/auth/throttle";
import { query } from "../integration/db";
import { createTestUser, E2E_PASSWORD, signInOverHttp } from "./auth-helpers";

const baseUrl = inject("baseUrl");

describe("the client's address", () => {
  it("comes from the socket: a forged X-Forwarded-For escapes no limit and never reaches the audit trail", async () => {
    const user = await createTestUser("viewer");
    for (let index = 0; index < ACCOUNT_ADDRESS_LIMITS.blockAt; index++) {
      const forged = { "x-forwarded-for": `6.6.6.${index}`, [CLIENT_ADDRESS_HEADER]: `6.6.7.${index}`, "x-real-ip": `6.6.8.${index}` };
      const { response } = await signInOverHttp(baseUrl, user.email, "wrong password!", forged);
      expect(response.status).toBe(401);
    }
    const { response } = await signInOverHttp(baseUrl, user.email, E2E_PASSWORD, { "x-forwarded-for": "6.6.6.99" });
    expect(response.status).toBe(429);
    const addresses = await query<{ ip: string }>(`SELECT DISTINCT ip FROM audit_event WHERE action LIKE 'auth.%' AND details->>'email' = $1`, [user.email]);
    expect(addresses).toEqual([{ ip: "127.0.0.1" }]);
  });
});

describe("ending a session", () => {
  it("a copy of the session cookie taken before sign-out is refused after it", async () => {
    const user = await createTestUser("viewer");
    const { cookie } = await signInOverHttp(baseUrl, user.email, E2E_PASSWORD);
    expect(cookie).toBeTruthy();
    expect((await fetch(`${baseUrl}/api/tokens`, { headers: { cookie: cookie! } })).status).toBe(200);
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: cookie! } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((pair) => pair.split(";")[0]);
    const signOut = await fetch(`${baseUrl}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: [cookie!, ...csrfCookie].join("; ") },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(signOut.status).toBeLessThan(400);
    expect((await fetch(`${baseUrl}/api/tokens`, { headers: { cookie: cookie! } })).status).toBe(401);
  });
});

/** Sends headers declaring a 50 MB body and 1 KB of it, then waits for the answer (the rest never comes). */
function declaredHugeBody(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}${path}`, { method: "POST", headers: { ...headers, "content-length": String(50 * 1024 * 1024) } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    request.write(Buffer.alloc(1024, 0x20));
  });
}

describe("request bodies", () => {
  it("a declared 50 MB body gets 413 from next-auth's sign-in and from the JSON endpoints, without being sent", async () => {
    expect(await declaredHugeBody("/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded" })).toBe(413);
    const user = await createTestUser("analyst");
    const { cookie } = await signInOverHttp(baseUrl, user.email, E2E_PASSWORD);
    for (const path of ["/api/views", "/api/incidents/1/status"]) {
      expect(await declaredHugeBody(path, { "content-type": "application/json", cookie: cookie! }), path).toBe(413);
    }
  });
});

describe("content security policy", () => {
  it("pages allow scripts only by a fresh per-request nonce, which every script of the page carries", async () => {
    const nonces: string[] = [];
    for (let index = 0; index < 2; index++) {
      const response = await fetch(`${baseUrl}/login`);
      const csp = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(nonce).toBeTruthy();
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("no HSTS over plain http (it is sent once NEXTAUTH_URL is https: tests/unit/http/csp.test.ts)", async () => {
    expect((await fetch(`${baseUrl}/login`)).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the All tokens page", () => {
  it("shows every user's tokens with owner, scope and expiry, and an admin revokes one (scripts run under the nonce CSP)", async () => {
    const owner = await createTestUser("viewer");
    const token = await createApiToken(owner.id, "nightly export", {}, { scope: "read", expiresInDays: 7 });
    const admin = await createTestUser("admin");
    const { cookie } = await signInOverHttp(baseUrl, admin.email, E2E_PASSWORD);
    const [name, value] = [cookie!.slice(0, cookie!.indexOf("=")), cookie!.slice(cookie!.indexOf("=") + 1)];
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.addCookies([{ name, value, url: baseUrl }]);
      const page = await context.newPage();
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${baseUrl}/admin/tokens`);
      const row = page.locator("tr", { hasText: owner.email }).filter({ hasText: "nightly export" });
      await expect.poll(() => row.textContent()).toContain("read");
      expect(await row.textContent()).toContain("Active until");
      await page.screenshot({ path: "/tmp/vigie-admin-tokens.png", fullPage: true });
      page.once("dialog", (dialog) => void dialog.accept());
      await row.getByRole("button", { name: "Revoke" }).click();
      await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain("Revoked");
      expect((await fetch(`${baseUrl}/api/incidents`, { headers: { authorization: `Bearer ${token.token}` } })).status).toBe(401);
      await page.goto(`${baseUrl}/settings/tokens`);
      await page.screenshot({ path: "/tmp/vigie-settings-tokens.png", fullPage: true });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
