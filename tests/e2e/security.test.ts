/**
 * Properties of the real production server (scripts/serve.ts) that a handler called directly cannot show:
 * where the client's address comes from, how bodies are capped before next-auth reads them, headers.
 */
import { describe, expect, inject, it } from "vitest";
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
    const addresses = await query<{ ip: string }>(`SELECT DISTINCT ip FROM audit_event WHERE details->>'email' = $1`, [user.email]);
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
