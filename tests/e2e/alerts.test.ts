import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { createTestUser, signInWithForm } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (page: Page, email: string) => signInWithForm(page, baseUrl, email);

describe("watching a view", () => {
  it("creates a watch from the incidents page; an ingested article rings the bell and opens as an alert", async () => {
    const user = await createTestUser("analyst");
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, user.email);
    await page.goto(`${baseUrl}/incidents?admin1=Kayes&actor=JNIM`);
    await page.getByTestId("incident-total").waitFor();
    await expect(page.getByTestId("alerts-unread").count()).resolves.toBe(0);

    await page.getByTestId("watch-view").click();
    await page.getByLabel("Name").fill("JNIM in Kayes");
    await page.screenshot({ path: "/tmp/vigie-alerts-watch-form.png" });
    await page.getByRole("button", { name: "Watch", exact: true }).click();
    await page.getByRole("status").filter({ hasText: 'Watching "JNIM in Kayes"' }).waitFor();

    const { token } = await createApiToken(user.id, "e2e alerts");
    const text = "Le 9 février 2024, des combattants du JNIM ont attaqué un poste militaire à Kayes, au Mali. Sept soldats ont été tués.";
    const response = await fetch(`${baseUrl}/api/sources`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    expect(response.status).toBe(201);
    const { incidents } = (await response.json()) as { incidents: { id: number }[] };

    // The alert worker (in the server's cluster) evaluates within seconds; the bell asks on each navigation.
    const deadline = Date.now() + 60_000;
    let unread = 0;
    while (Date.now() < deadline && unread === 0) {
      await page.waitForTimeout(1500);
      await page.reload();
      await page.getByTestId("alerts-bell").waitFor();
      unread = await page.getByTestId("alerts-unread").count();
    }
    expect(await page.getByTestId("alerts-unread").textContent()).toBe("1");
    await page.screenshot({ path: "/tmp/vigie-alerts-bell.png" });

    await page.getByTestId("alerts-bell").click();
    await page.waitForURL(/\/alerts$/);
    await page.getByText("1 new incident in Kayes (JNIM, Military Forces of Mali), 7 killed").waitFor();
    await page.screenshot({ path: "/tmp/vigie-alerts-page.png", fullPage: true });
    await page.getByRole("button", { name: "Mark read" }).click();
    await page.getByTestId("alerts-unread").waitFor({ state: "detached" });

    await page.getByTestId("alert-incident").first().click();
    await page.waitForURL(new RegExp(`/incidents/${incidents[0]!.id}$`));

    await page.goto(`${baseUrl}/watches`);
    await page.getByRole("cell", { name: /JNIM in Kayes/ }).waitFor();
    await page.screenshot({ path: "/tmp/vigie-alerts-watches.png", fullPage: true });
    await page.close();
  });
});
