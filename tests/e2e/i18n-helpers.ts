/** Shared by the French walk and the accessibility audit: incidents to look at, and signing in through the form. */
import { createHash, randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { loadReferenceData } from "@/lib/reference/load";
import { query } from "../integration/db";
import { insertIncident } from "../integration/incidents/fixtures";
import { E2E_PASSWORD } from "./auth-helpers";

/** A few incidents of every kind the pages show (unknown toll, a source with evidence); returns one id and the tag in their summaries. */
export async function seedI18nIncidents(): Promise<{ id: number; tag: string }> {
  await loadReferenceData();
  const tag = randomBytes(3).toString("hex");
  const actors = [["JNIM", "actor1"], ["Military Forces of Mali", "actor2"]] as [string, "actor1" | "actor2"][];
  const id = await insertIncident({
    eventDate: "2025-05-19", eventType: "Battles", subEventType: "Armed clash", country: "Mali", admin1: "Kayes", location: "Diboli",
    summary: `Affrontement près de Diboli (${tag}) ; 1234 déplacés.`, fatalities: 1234, latitude: 14.55, longitude: -12.2, actors,
  });
  await insertIncident({
    eventDate: "2025-04-07", eventType: "Violence against civilians", subEventType: "Abduction/forced disappearance", country: "Mali",
    admin1: "Mopti", location: "Boni", summary: `Enlèvement à Boni (${tag}).`, fatalities: null, actors: [["JNIM", "actor1"]],
  });
  await insertIncident({
    eventDate: "2025-03-03", eventType: "Explosions/Remote violence", subEventType: "Remote explosive/landmine/IED", country: "Burkina Faso",
    admin1: "Sahel", location: "Djibo", summary: `IED near Djibo (${tag}).`, fatalities: 3, latitude: 14.1, longitude: -1.63,
  });
  const text = `Bamako, 20 mai 2025 (${tag}). Des affrontements ont eu lieu lundi près de Diboli, dans la région de Kayes. `.repeat(40);
  const [source] = await query<{ id: number }>(
    `INSERT INTO source (title, publisher, published_at, language, text, content_hash) VALUES ($1, 'Abamako', '2025-05-20', 'fr', $2, $3) RETURNING id`,
    [`Affrontements à Diboli ${tag}`, text, createHash("sha256").update(text).digest("hex")],
  );
  await query(`INSERT INTO incident_source (incident_id, source_id, fatalities) VALUES ($1, $2, 1234)`, [id, source!.id]);
  const start = text.indexOf("près de Diboli");
  await query(`INSERT INTO evidence (incident_id, source_id, field, text, start, "end") VALUES ($1, $2, 'location', 'près de Diboli', $3, $4)`, [
    id, source!.id, start, start + "près de Diboli".length,
  ]);
  return { id, tag };
}

/** Signs in through the login form, whatever its language (the fields are found by their type). */
export async function signIn(page: Page, baseUrl: string, email: string, path = "/overview"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(E2E_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
