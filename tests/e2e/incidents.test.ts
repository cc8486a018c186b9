/** The analyst's main flow in Chromium: sign in, filter by region Kayes, see only Kayes, export, check the file. */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadReferenceData } from "@/lib/reference/load";
import { query } from "../integration/db";
import { insertIncident } from "../integration/incidents/fixtures";
import { createTestUser, E2E_PASSWORD } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await loadReferenceData();
  const base = { eventType: "Battles", subEventType: "Armed clash", country: "Mali", actors: [["JNIM", "actor1"]] as [string, "actor1"][] };
  await insertIncident({ ...base, eventDate: "2025-03-02", admin1: "Kayes", admin1Reform: "Nioro", location: "Sandaré", summary: "Attaque à Sandaré, poste incendié.", fatalities: 4 });
  await insertIncident({ ...base, eventDate: "2025-02-11", admin1: "Kayes", location: "Diboli", summary: "Accrochage près de Diboli ; bilan inconnu.", fatalities: null });
  await insertIncident({ ...base, eventDate: "2024-12-24", admin1: "Kayes", location: "Kayes", summary: "=cmd| formula-looking summary in Kayes" });
  await insertIncident({ ...base, eventDate: "2025-03-01", admin1: "Mopti", location: "Boni", summary: "IED near Boni." });
  await insertIncident({ ...base, eventDate: "2025-01-05", country: "Senegal", admin1: "Tambacounda", location: "Kidira", summary: "Protest in Kidira." });
});

afterAll(async () => {
  await browser?.close();
});

describe("incidents explorer in Chromium", () => {
  it("filters by region Kayes, shows only Kayes incidents, and exports exactly them", async () => {
    const user = await createTestUser("analyst");
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/incidents`);
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/incidents`);
    await page.getByTestId("incident-total").waitFor();
    await page.screenshot({ path: "/tmp/vigie-incidents.png", fullPage: true });

    await page.locator('[data-filter="admin1"]').click();
    await page.getByLabel("Search region").fill("Kayes");
    await page.getByRole("checkbox", { name: /^Kayes/ }).check();
    await page.waitForURL(/admin1=Kayes/);
    await page.keyboard.press("Escape");

    const kayes = await query<{ id: number }>(
      `SELECT id FROM incident WHERE merged_into_id IS NULL AND (admin1 = 'Kayes' OR admin1_reform = 'Kayes') ORDER BY event_date DESC, id DESC`,
    );
    const total = page.getByTestId("incident-total");
    await expect.poll(() => total.textContent()).toBe(`${kayes.length} incidents`);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(kayes.length);
    const regionIndex = (await page.locator("thead th").allTextContents()).findIndex((text) => text.startsWith("Region"));
    const regions = await rows.locator(`td:nth-child(${regionIndex + 1})`).allTextContents();
    expect(new Set(regions)).toEqual(new Set(["Kayes"]));
    const shownIds = (await rows.locator("td:first-child").allTextContents()).map(Number);
    expect(shownIds).toEqual(kayes.map((row) => row.id));
    await page.screenshot({ path: "/tmp/vigie-incidents-kayes.png", fullPage: true });

    await page.getByTestId("export-menu").click();
    await page.screenshot({ path: "/tmp/vigie-incidents-export-menu.png" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
    expect(download.suggestedFilename()).toMatch(/^vigie-incidents-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parse(bytes.toString("utf8").slice(1), { record_delimiter: "\r\n" }) as string[][];
    expect(header).toEqual(["id", "event_date", "country", "admin1", "location", "event_type", "sub_event_type", "actors", "fatalities", "status", "summary"]);
    expect(records.map((record) => Number(record[0]))).toEqual(kayes.map((row) => row.id));
    expect(new Set(records.map((record) => record[3]))).toEqual(new Set(["Kayes"]));
    expect(records.map((record) => record[10])).toContain("Attaque à Sandaré, poste incendié.");
    expect(records.map((record) => record[10])).toContain("'=cmd| formula-looking summary in Kayes");

    await rows.first().click();
    await page.waitForURL(new RegExp(`/incidents/${kayes[0]!.id}$`));
    await page.getByRole("heading", { name: `Incident #${kayes[0]!.id}` }).waitFor();
    await page.screenshot({ path: "/tmp/vigie-incident-detail.png", fullPage: true });
    await context.close();
  });
});
