/**
 * The Places page in Chromium: an analyst places a pending name by clicking the map, and the incident that
 * waited on it appears on the overview map at that position (before: no point, it had no coordinates).
 */
import type { Browser, Page } from "playwright-core";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projection } from "@/components/map/projection";
import { foldText } from "@/lib/text/fold";
import { query } from "../integration/db";
import { createTestUser, E2E_PASSWORD } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const NAME = `Dogodoubou ${randomBytes(3).toString("hex")}`;
let browser: Browser;
let incidentId: number;

/** The country and region the resolve form offers (added only when another test did not load them). */
async function ensureRegion(): Promise<void> {
  let [mali] = await query<{ id: number }>(`SELECT id FROM place WHERE kind = 'country' AND country_code = 'ML'`);
  mali ??= (await query<{ id: number }>(`INSERT INTO place (kind, name, country_code, latitude, longitude) VALUES ('country', 'Mali', 'ML', 17.5, -3.9) RETURNING id`))[0]!;
  const [mopti] = await query(`SELECT id FROM place WHERE kind = 'admin1' AND country_code = 'ML' AND name = 'Mopti'`);
  if (!mopti) await query(`INSERT INTO place (kind, name, country_code, parent_id, latitude, longitude) VALUES ('admin1', 'Mopti', 'ML', $1, 14.5, -4.2)`, [mali.id]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  await ensureRegion();
  const sentence = `Des hommes armés ont attaqué le village de ${NAME}, dans le cercle de Bandiagara.`;
  [{ id: incidentId }] = await query<{ id: number }>(
    `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, admin2, location, geo_precision, fatalities, updated_at)
     VALUES ('2025-06-02', 'Battles', 'Armed clash', $1, 'Mali', 'Mopti', 'Bandiagara', $2, 2, 3, now()) RETURNING id`,
    [sentence, NAME],
  );
  await query(
    `INSERT INTO place_name (name, key, country, admin1, admin2, spellings, examples, incident_count, updated_at)
     VALUES ($1, $2, 'Mali', 'Mopti', 'Bandiagara', ARRAY[$1], ARRAY[$3], 1, now())`,
    [NAME, foldText(NAME), sentence],
  );
});

afterAll(async () => {
  await browser?.close();
});

async function pointOnOverview(page: Page) {
  await page.goto(`${baseUrl}/overview?${new URLSearchParams({ location: NAME })}`);
  await page.locator("path[data-admin1]").first().waitFor();
  const point = page.locator(`circle[data-incident-id="${incidentId}"]`);
  if (!(await point.count())) return null;
  return { cx: Number(await point.getAttribute("cx")), cy: Number(await point.getAttribute("cy")) };
}

describe("the Places page in Chromium", () => {
  it("places a pending name by clicking the map, and its incident moves onto the overview map there", async () => {
    const user = await createTestUser("analyst");
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/overview`);
    expect(await pointOnOverview(page)).toBeNull();

    await page.goto(`${baseUrl}/places?${new URLSearchParams({ q: NAME })}`);
    await page.getByRole("cell", { name: NAME }).click();
    const panel = page.getByRole("region", { name: `Resolve ${NAME}` });
    const map = panel.getByTestId("position-picker");
    const box = (await map.boundingBox())!;
    // Central Mali, on the committed boundaries' projection.
    await map.click({ position: { x: box.width * 0.42, y: box.height * 0.5 } });
    await panel.getByTestId("picked-position").waitFor();
    const latitude = Number(await panel.getByLabel("Latitude").inputValue());
    const longitude = Number(await panel.getByLabel("Longitude").inputValue());
    expect(latitude).toBeGreaterThan(10);
    expect(latitude).toBeLessThan(25);
    expect(longitude).toBeGreaterThan(-12);
    expect(longitude).toBeLessThan(4);
    await panel.getByLabel("Region (admin1)").selectOption("Mopti");
    await page.screenshot({ path: "/tmp/vigie-places.png", fullPage: true });
    await panel.getByRole("button", { name: "Place here" }).click();
    await page.getByText(`${NAME} placed: 1 incident updated.`).waitFor();

    const [stored] = await query<{ latitude: number; longitude: number; geo_precision: number; version: number }>(
      `SELECT latitude, longitude, geo_precision, version FROM incident WHERE id = $1`,
      [incidentId],
    );
    expect(stored).toEqual({ latitude, longitude, geo_precision: 1, version: 2 });

    const point = await pointOnOverview(page);
    const [x, y] = projection([longitude, latitude])!;
    expect(point).not.toBeNull();
    expect(Math.abs(point!.cx - x)).toBeLessThan(0.2);
    expect(Math.abs(point!.cy - y)).toBeLessThan(0.2);
    await page.screenshot({ path: "/tmp/vigie-places-overview.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
