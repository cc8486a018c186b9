/**
 * Corrections teach, for actors, in Chromium: on an incident's edit form an analyst replaces actor 1, a
 * name extraction did not know, by a known actor; only then is the "record the name" box offered, and
 * ticking it moves the other incident of that name too and records the name as an alias of the actor.
 */
import type { Browser } from "playwright-core";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { foldText } from "@/lib/text/fold";
import { query } from "../integration/db";
import { createTestUser, signInWithForm } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const NAME = `Katiba Essai ${randomBytes(3).toString("hex")}`;
let browser: Browser;
let edited: number;
let other: number;

async function incidentWith(actorId: number, summary: string): Promise<number> {
  const [{ id }] = await query<{ id: number }>(
    `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, geo_precision, fatalities, actor_names, updated_at)
     VALUES ('2025-06-03', 'Battles', 'Armed clash', $1, 'Mali', 'Mopti', 3, 2, $2, now()) RETURNING id`,
    [summary, NAME],
  );
  await query(`INSERT INTO incident_actor (incident_id, actor_id, role) VALUES ($1, $2, 'actor1')`, [id, actorId]);
  return id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  // The known actor (present when the reference data was loaded) and the provisional one ingest made for the name.
  await query(`INSERT INTO actor (name, type) VALUES ('JNIM', 2) ON CONFLICT (name) DO NOTHING`);
  const [unknown] = await query<{ id: number }>(`INSERT INTO actor (name, type) VALUES ($1, 3) RETURNING id`, [NAME]);
  await query(`INSERT INTO actor_name (name, key, actor_id, incident_count, updated_at) VALUES ($1, $2, $3, 2, now())`, [NAME, foldText(NAME), unknown!.id]);
  edited = await incidentWith(unknown!.id, `Des hommes de la ${NAME} ont attaqué un poste.`);
  other = await incidentWith(unknown!.id, `La ${NAME} a revendiqué une embuscade.`);
});

afterAll(async () => {
  await browser?.close();
});

async function actorsOf(id: number) {
  return query<{ name: string; role: string }>(`SELECT a.name, ia.role::text AS role FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = $1`, [id]);
}

describe("actor corrections on the edit form in Chromium", () => {
  it("replaces an unknown actor by a known one and, when ticked, records the name for every incident and future articles", async () => {
    const user = await createTestUser("analyst");
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInWithForm(page, baseUrl, user.email);

    await page.goto(`${baseUrl}/incidents/${edited}`);
    const form = page.getByRole("form", { name: "Edit incident" });
    const actor1 = form.getByLabel("Actor 1");
    expect(await actor1.inputValue()).not.toBe("");
    const offer = form.getByLabel(`Record “${NAME}” as a name of “JNIM”`, { exact: false });
    expect(await offer.count()).toBe(0);

    await actor1.selectOption({ label: "JNIM" });
    await offer.check();
    await page.screenshot({ path: "/tmp/vigie-actor-correction.png", fullPage: true });
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.getByRole("status").filter({ hasText: `“${NAME}” is now a name of JNIM: 1 other incident moved with it` }).waitFor();

    expect(await actorsOf(edited)).toEqual([{ name: "JNIM", role: "actor1" }]);
    expect(await actorsOf(other)).toEqual([{ name: "JNIM", role: "actor1" }]);
    expect(await query(`SELECT a.name FROM actor_alias aa JOIN actor a ON a.id = aa.actor_id WHERE aa.normalized = $1`, [foldText(NAME)])).toEqual([{ name: "JNIM" }]);
    expect(await query(`SELECT status::text FROM actor_name WHERE key = $1`, [foldText(NAME)])).toEqual([{ status: "alias" }]);

    // The page shows the saved actor, and no offer while actor 1 is unchanged.
    await page.goto(`${baseUrl}/incidents/${edited}`);
    expect(await form.getByLabel("Actor 1").locator("option:checked").textContent()).toBe("JNIM");
    // Nothing replaced, nothing offered (the incident has no place name, so no place offer either).
    expect(await form.getByRole("checkbox").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
