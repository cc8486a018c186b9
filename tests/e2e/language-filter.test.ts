/**
 * The filter bar's language control in Chromium: its choices come from the table of filter dimensions,
 * labelled through the messages; choosing one writes `language=` into the URL and the table follows it.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadReferenceData } from "@/lib/reference/load";
import { query } from "../integration/db";
import { insertIncident } from "../integration/incidents/fixtures";
import { createTestUser, E2E_PASSWORD } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

async function reportedIn(incidentId: number, language: string): Promise<void> {
  const title = `Language e2e ${incidentId} ${language}`;
  const [source] = await query<{ id: number }>(
    `INSERT INTO source (title, text, content_hash, language) VALUES ($1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'), $4) RETURNING id`,
    [title, title, title, language],
  );
  await query(`INSERT INTO incident_source (incident_id, source_id) VALUES ($1, $2)`, [incidentId, source!.id]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  await loadReferenceData();
  const base = { eventType: "Battles", subEventType: "Armed clash", country: "Niger", admin1: "Tillaberi" };
  await reportedIn(await insertIncident({ ...base, eventDate: "2025-04-02", location: "Ayorou", summary: "Clash near Ayorou." }), "en");
  await reportedIn(await insertIncident({ ...base, eventDate: "2025-04-03", location: "Tera", summary: "Accrochage à Téra." }), "fr");
});

afterAll(async () => {
  await browser?.close();
});

describe("language filter in Chromium", () => {
  it("offers the source languages by name and shows only the incidents reported in the chosen one", async () => {
    const user = await createTestUser("viewer");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/incidents`);
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/incidents`);
    await page.getByTestId("incident-total").waitFor();

    await page.locator('[data-filter="language"]').click();
    await page.getByRole("checkbox", { name: "French" }).waitFor();
    await page.getByRole("checkbox", { name: "English" }).check();
    await page.waitForURL(/language=en/);
    await page.keyboard.press("Escape");

    const english = await query<{ id: number }>(
      `SELECT i.id FROM incident i WHERE i.merged_into_id IS NULL
         AND EXISTS (SELECT 1 FROM incident_source isrc JOIN source s ON s.id = isrc.source_id WHERE isrc.incident_id = i.id AND s.language = 'en')
       ORDER BY i.event_date DESC, i.id DESC`,
    );
    expect(english.length).toBeGreaterThan(0);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(english.length);
    expect((await rows.locator("td:first-child").allTextContents()).map(Number)).toEqual(english.map((row) => row.id));
    await context.close();
  });
});
