/** Signing in against the real server over HTTP, as a browser would, for e2e tests that need a session. */
import { randomBytes } from "node:crypto";
import { createUser } from "@/lib/auth/users";
import type { Role } from "@/lib/auth/roles";
import type { Page } from "playwright-core";

export const E2E_PASSWORD = "e2e password 1234";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.org`;
}

export async function createTestUser(role: Role, email = uniqueEmail(role)) {
  return createUser({ email, password: E2E_PASSWORD, role, name: `E2E ${role}` });
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

/** Posts the credentials to next-auth's endpoint; returns the response and the Cookie header to reuse. */
export async function signInOverHttp(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; "), ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseUrl}/overview` }),
  });
  const session = cookiePairs(response).find((pair) => pair.includes("session-token="));
  return { response, cookie: session };
}

/** Signs in through the login form in the browser, as a person would, and waits to leave the login page. */
export async function signInWithForm(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
