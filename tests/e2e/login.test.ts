import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser, E2E_PASSWORD, signInOverHttp } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("signing in and out in Chromium", () => {
  it("an anonymous visitor is sent to the login page, signs in, lands on the dashboard, and signs out", async () => {
    const user = await createTestUser("analyst");
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/incidents`);
    await page.waitForURL(/\/login\?callbackUrl=%2Fincidents/);
    await page.screenshot({ path: "/tmp/vigie-login.png" });

    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/incidents`);
    const header = page.locator("header");
    await expect.poll(() => header.textContent()).toContain("E2E analyst");
    expect(await header.textContent()).toContain("analyst");
    expect(await page.getByRole("link", { name: "Ingest" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Users" }).count()).toBe(0);
    await page.screenshot({ path: "/tmp/vigie-dashboard.png" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${baseUrl}/incidents`);
    await page.waitForURL(/\/login/);
    await page.close();
  });

  it("a wrong password shows one generic message and stays on the login page", async () => {
    const user = await createTestUser("viewer");
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Scoped to the form: Next adds its own (empty) role="alert" route announcer to every page.
    const alert = page.locator("form").getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Email or password is incorrect, or the account is disabled.");
    await page.getByLabel("Email").fill("nobody@example.org");
    await Promise.all([page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")), page.getByRole("button", { name: "Sign in" }).click()]);
    await expect.poll(() => alert.textContent()).toBe("Email or password is incorrect, or the account is disabled.");
    await expect.poll(() => page.getByRole("button", { name: "Sign in" }).isEnabled()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.screenshot({ path: "/tmp/vigie-login-error.png" });
    await page.close();
  });

  it("a throttled account gets the wait message, not the wrong-password one", async () => {
    const user = await createTestUser("viewer");
    for (let index = 0; index < 8; index++) await signInOverHttp(baseUrl, user.email, "wrong password!");
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    expect(response.status()).toBe(429);
    const alert = page.locator("form").getByRole("alert");
    await expect.poll(() => alert.textContent()).toBe("Too many failed sign-in attempts. Wait a few minutes, then try again.");
    await page.screenshot({ path: "/tmp/vigie-login-throttled.png" });
    await page.close();
  });

  it("an admin manages users and tokens from the pages", async () => {
    const admin = await createTestUser("admin");
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${baseUrl}/login?callbackUrl=%2Fadmin%2Fusers`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/admin/users`);

    const created = `new-${Date.now()}@example.org`;
    await page.locator('input[name="email"]').fill(created);
    await page.locator('input[name="name"]').fill("Field Analyst");
    await page.locator('select[name="role"]').first().selectOption("analyst");
    await page.getByRole("button", { name: "Create user" }).click();
    const secret = page.getByTestId("secret-value");
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const row = page.getByTestId(`user-row-${created}`);
    await row.waitFor();
    await page.screenshot({ path: "/tmp/vigie-users.png", fullPage: true });

    page.on("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Disable" }).click();
    await expect.poll(() => row.textContent()).toContain("Disabled");

    await page.goto(`${baseUrl}/settings/tokens`);
    await page.getByLabel("Name").fill("nightly export");
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByTestId("secret-value").waitFor();
    const token = await page.getByTestId("secret-value").inputValue();
    expect(token).toMatch(/^vigie_/);
    const api = await fetch(`${baseUrl}/api/tokens`, { headers: { authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    await page.screenshot({ path: "/tmp/vigie-tokens.png", fullPage: true });
    await page.getByRole("button", { name: "Revoke" }).click();
    await expect.poll(async () => (await fetch(`${baseUrl}/api/tokens`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

    await page.goto(`${baseUrl}/admin/audit?action=user.`);
    await page.screenshot({ path: "/tmp/vigie-audit.png", fullPage: true });
    const audit = await page.locator("table").textContent();
    expect(audit).toContain("user.create");
    expect(audit).toContain("user.disable");
    await page.close();
  });
});
