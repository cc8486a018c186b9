/**
 * The overview in Chromium: sign in, open /overview, click the Kayes region on the map, and follow the
 * filtered view to the table, which lists exactly Kayes' incidents.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "../integration/db";
import { createTestUser, E2E_PASSWORD } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

/** A few incidents of our own (added to whatever other browser tests left, never truncating theirs). */
async function seedIncidents(): Promise<void> {
  const rows: [string, string, string, string, number | null, number, number | null, number | null][] = [
    ["2025-03-02", "Mali", "Kayes", "Battles", 4, 1, 14.45, -11.44],
    ["2025-03-09", "Mali", "Kayes", "Violence against civilians", null, 3, null, null],
    ["2025-04-11", "Mali", "Mopti", "Battles", 2, 1, 14.49, -4.19],
    ["2025-04-20", "Burkina Faso", "Sahel", "Explosions/Remote violence", 7, 2, 14.1, -1.6],
  ];
  const subType: Record<string, string> = {
    Battles: "Armed clash",
    "Violence against civilians": "Attack",
    "Explosions/Remote violence": "Remote explosive/landmine/IED",
  };
  for (const [date, country, admin1, type, fatalities, precision, lat, lon] of rows) {
    await query(
      `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, geo_precision, fatalities, latitude, longitude, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [date, type, subType[type], `Overview browser test incident in ${admin1}`, country, admin1, precision, fatalities, lat, lon],
    );
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  await seedIncidents();
});

afterAll(async () => {
  await browser?.close();
});

describe("the overview in Chromium", () => {
  it("clicking Kayes on the map filters the overview, and its table link lists Kayes' incidents", async () => {
    const user = await createTestUser("viewer");
    const [{ count: kayes }] = await query<{ count: number }>(
      `SELECT count(*)::int AS count FROM incident WHERE (admin1 = 'Kayes' OR admin1_reform = 'Kayes') AND merged_into_id IS NULL`,
    );
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${baseUrl}/overview`);
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/overview`);

    const kayesShape = page.locator('path[data-admin1="Kayes"]');
    await kayesShape.waitFor();
    expect(Number(await kayesShape.getAttribute("data-incidents"))).toBe(kayes);
    await page.screenshot({ path: "/tmp/vigie-overview.png", fullPage: true });

    await kayesShape.click();
    await page.waitForURL(`${baseUrl}/overview?admin1=Kayes`);
    await expect.poll(() => page.getByTestId("figure-incidents").textContent()).toContain(String(kayes));
    await page.screenshot({ path: "/tmp/vigie-overview-kayes.png", fullPage: true });

    await page.getByTestId("chart-map").getByRole("link", { name: "View in table" }).click();
    await page.waitForURL(`${baseUrl}/incidents?admin1=Kayes`);
    await expect.poll(() => page.getByTestId("incident-total").textContent()).toMatch(new RegExp(`^${kayes} incidents?`));
    await page.screenshot({ path: "/tmp/vigie-overview-to-table.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
