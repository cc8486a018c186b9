/**
 * The interface in French in Chromium: a French browser gets French pages (labels, ACLED types, dates as
 * 19/05/2025, numbers as 1 234) at the same URLs and parameters as English; the header's switch changes the
 * language and the choice follows the user to another browser. Screenshots land in /tmp for a human look.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { query } from "../integration/db";
import { createTestUser } from "./auth-helpers";
import { launchBrowser } from "./browser";
import { seedI18nIncidents, signIn } from "./i18n-helpers";

const baseUrl = inject("baseUrl");
let browser: Browser;
let incidentId: number;
let tag: string;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ id: incidentId, tag } = await seedI18nIncidents());
});

afterAll(async () => {
  await browser?.close();
});

describe("the interface in French", () => {
  it("a French browser walks the main pages in French, with English codes in the URL", async () => {
    const user = await createTestUser("admin");
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${baseUrl}/login`);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await page.getByRole("heading", { name: "Connectez-vous à votre compte" }).waitFor();
    expect(await page.getByLabel("Mot de passe").count()).toBe(1);
    await signIn(page, baseUrl, user.email);

    await page.getByRole("heading", { level: 1, name: "Vue d’ensemble" }).waitFor();
    expect(await page.getByRole("link", { name: "Journal" }).count()).toBe(1);
    await page.getByTestId("chart-time").locator("svg").first().waitFor();
    const overview = (await page.locator("main").textContent()) ?? "";
    expect(overview).toContain("Incidents par mois, par type d’événement");
    expect(overview).toContain("Batailles");
    expect(overview).toMatch(/mai 2025/);
    await page.getByRole("button", { name: /^Type d’événement/ }).click();
    await page.getByRole("checkbox", { name: "Batailles" }).check();
    // The URL keeps ACLED's English code: a French and an English analyst share the same link.
    await page.waitForURL(/eventType=Battles/);
    await page.keyboard.press("Escape");
    await page.getByTestId("chart-time").locator("svg").first().waitFor();
    await page.waitForLoadState("networkidle");
    // Other browser tests seed the same battle in this database: the figure is checked on this test's own incident.
    await page.goto(`${baseUrl}/overview?eventType=Battles&q=${tag}`);
    await page.getByTestId("chart-time").locator("svg").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect((await page.getByTestId("figure-fatalities").textContent())?.replace(/\s/g, " ")).toContain("1 234");
    await page.screenshot({ path: "/tmp/vigie-fr-overview.png", fullPage: true });

    await page.goto(`${baseUrl}/incidents?eventType=Battles`);
    await page.getByTestId("incident-total").waitFor();
    const headers = await page.locator("thead th").allTextContents();
    expect(headers.map((text) => text.replace(/[▲▼↕]/g, "").trim().toLowerCase())).toEqual(
      expect.arrayContaining(["région", "type d’événement", "morts", "statut"]),
    );
    const row = page.locator("tbody tr", { hasText: `Diboli (${tag})` });
    expect(await row.textContent()).toContain("19/05/2025");
    expect(await row.textContent()).toContain("Affrontement armé");
    expect((await row.textContent())?.replace(/\s/g, " ")).toContain("1 234");
    expect(await row.textContent()).toContain("non vérifié");
    await page.screenshot({ path: "/tmp/vigie-fr-incidents.png", fullPage: true });
    await page.getByTestId("watch-view").click();
    await page.getByLabel("Nom", { exact: true }).fill(`Batailles ${tag}`);
    await page.getByRole("button", { name: "Suivre", exact: true }).click();
    await page.getByRole("status").filter({ hasText: `Veille « Batailles ${tag} » créée.` }).waitFor();
    await page.keyboard.press("Escape");

    // The date fields read as French writes days, whatever the browser's own language.
    const from = page.getByLabel("Du", { exact: true });
    expect(await from.getAttribute("placeholder")).toBe("jj/mm/aaaa");
    await from.fill("19/05/2025");
    await page.waitForURL((url) => url.searchParams.get("from") === "2025-05-19");
    await row.waitFor();
    expect(await page.getByLabel("Du", { exact: true }).inputValue()).toBe("19/05/2025");

    await page.goto(`${baseUrl}/incidents/${incidentId}`);
    await page.getByRole("heading", { level: 1, name: `Incident n° ${incidentId}` }).waitFor();
    const detail = (await page.locator("main").textContent()) ?? "";
    expect(detail).toContain("Batailles · Affrontement armé");
    expect(detail).toContain("19/05/2025");
    expect(detail).toContain("Historique");
    await page.getByRole("button", { name: "Vérifier" }).waitFor();
    await page.screenshot({ path: "/tmp/vigie-fr-incident.png", fullPage: true });

    await page.goto(`${baseUrl}/sources`);
    expect(await page.locator("main").textContent()).toContain("20/05/2025");
    await page.goto(`${baseUrl}/ingest`);
    await page.getByLabel("Texte de l’article").waitFor();
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByRole("heading", { level: 1, name: "Utilisateurs" }).waitFor();
    await page.goto(`${baseUrl}/feeds`);
    await page.getByRole("heading", { level: 1, name: "Flux" }).waitFor();
    await page.getByRole("button", { name: "Ajouter le flux" }).waitFor();
    await page.screenshot({ path: "/tmp/vigie-fr-feeds.png", fullPage: true });
    await page.goto(`${baseUrl}/places`);
    await page.getByRole("heading", { level: 1, name: "Lieux à placer" }).waitFor();
    await page.screenshot({ path: "/tmp/vigie-fr-places.png", fullPage: true });
    await page.goto(`${baseUrl}/alerts`);
    await page.getByRole("heading", { level: 1, name: "Alertes" }).waitFor();
    await page.screenshot({ path: "/tmp/vigie-fr-alerts.png", fullPage: true });
    await page.goto(`${baseUrl}/watches`);
    await page.getByRole("heading", { level: 1, name: "Veilles" }).waitFor();
    expect((await page.getByRole("row", { name: new RegExp(`Batailles ${tag}`) }).textContent()) ?? "").toContain("Chaque nouvel incident");
    await page.screenshot({ path: "/tmp/vigie-fr-watches.png", fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the map names the countries in French, and an alert says why in French in the inbox", async () => {
    const user = await createTestUser("analyst");
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, user.email);
    await page.getByRole("heading", { level: 1, name: "Vue d’ensemble" }).waitFor();
    const countries = page.getByTestId("chart-map").locator("svg text");
    await countries.first().waitFor();
    expect(await countries.allTextContents()).toEqual(expect.arrayContaining(["Mauritanie", "Sénégal", "Mali"]));

    await page.goto(`${baseUrl}/incidents?admin1=Kayes&actor=JNIM`);
    await page.getByTestId("watch-view").click();
    await page.getByLabel("Nom", { exact: true }).fill(`JNIM à Kayes ${tag}`);
    await page.getByRole("button", { name: "Suivre", exact: true }).click();
    await page.getByRole("status").filter({ hasText: `Veille « JNIM à Kayes ${tag} » créée.` }).waitFor();
    const { token } = await createApiToken(user.id, "e2e French alert");
    const response = await fetch(`${baseUrl}/api/sources`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: `Le 11 février 2024, des combattants du JNIM ont attaqué un poste militaire à Kayes, au Mali (${tag}). Quatre soldats ont été tués.` }),
    });
    expect(response.status).toBe(201);
    // The worker (in the server's cluster) alerts within seconds; the inbox words the stored reason in French.
    const why = page.getByText(/^\d+ nouv(el|eaux) incidents? : Kayes \(JNIM/);
    const deadline = Date.now() + 60_000;
    do {
      await page.goto(`${baseUrl}/alerts`);
      await page.getByRole("heading", { level: 1, name: "Alertes" }).waitFor();
    } while ((await why.count()) === 0 && Date.now() < deadline && (await page.waitForTimeout(1500), true));
    expect(await why.first().textContent()).toMatch(/\d+ morts$/);
    await page.screenshot({ path: "/tmp/vigie-fr-alert-reason.png", fullPage: true });
    await context.close();
  });

  it("the header's switch changes the language, and the choice follows the user to another browser", async () => {
    const user = await createTestUser("viewer");
    const english = await browser.newContext({ locale: "en-US" });
    const page = await english.newPage();
    await signIn(page, baseUrl, user.email);
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    await page.getByTestId("locale-switch").getByRole("button", { name: "fr" }).click();
    await page.getByRole("heading", { level: 1, name: "Vue d’ensemble" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    const [saved] = await query<{ locale: string | null }>(`SELECT locale FROM "user" WHERE id = $1`, [user.id]);
    expect(saved!.locale).toBe("fr");
    await english.close();

    // Another English browser: the saved choice wins over Accept-Language.
    const other = await browser.newContext({ locale: "en-US" });
    const second = await other.newPage();
    await signIn(second, baseUrl, user.email, "/incidents");
    await second.getByRole("heading", { level: 1, name: "Incidents" }).waitFor();
    expect(await second.locator("html").getAttribute("lang")).toBe("fr");
    // The export menu is a client part of the page: it is there once hydrated, in French.
    await second.getByRole("button", { name: "Exporter en CSV" }).waitFor();
    expect(await second.getByRole("button", { name: "Exporter en CSV" }).count()).toBe(1);
    await other.close();
  });
});
