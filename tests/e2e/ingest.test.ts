import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { query } from "../integration/db";
import { createTestUser, signInWithForm } from "./auth-helpers";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const FIXTURE = readFileSync("../shared/fixtures/abamako-2025-05-19-mali-senegal.txt", "utf8");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (page: Page, email: string) => signInWithForm(page, baseUrl, email);

describe("ingesting an article in the browser", () => {
  it("previews the proposed incidents with their evidence marked, then saves them", async () => {
    const user = await createTestUser("analyst");
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, user.email);
    await page.goto(`${baseUrl}/ingest`);
    await page.getByLabel("Article text").fill(FIXTURE);
    await page.getByRole("button", { name: "Preview incidents" }).click();
    await page.getByText(/incidents proposed/).waitFor();
    expect(await page.getByText("Sandaré", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator("mark.evidence").count()).toBeGreaterThan(3);
    await page.screenshot({ path: "/tmp/vigie-ingest-preview.png", fullPage: true });

    await page.getByRole("button", { name: "Save source and incidents" }).click();
    await page.waitForURL(/\/sources\/\d+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Birame Diop");
    expect(await page.locator("mark.evidence").count()).toBeGreaterThan(3);
    await page.screenshot({ path: "/tmp/vigie-source.png", fullPage: true });

    // The same text again is recognised, not duplicated.
    await page.goto(`${baseUrl}/ingest`);
    await page.getByLabel("Article text").fill(FIXTURE);
    await page.getByRole("button", { name: "Preview incidents" }).click();
    await page.getByText(/incidents proposed/).waitFor();
    await page.getByRole("button", { name: "Save source and incidents" }).click();
    await page.waitForURL(/\/sources\/\d+\?existing=1$/);
    await page.getByText("already ingested").waitFor();
    await page.close();
  });
});

describe("script inside an article", () => {
  it("is shown as text and never runs", async () => {
    const user = await createTestUser("analyst");
    const { token } = await createApiToken(user.id, "xss test");
    const payload =
      `Le 17 mai 2025, des hommes armés ont attaqué le poste de Sandaré, dans la région de Kayes. ` +
      `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"><a href="javascript:window.__xss=3">lien</a>`;
    const response = await fetch(`${baseUrl}/api/sources`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ text: payload, title: `<img src=x onerror="window.__xss = 4">Titre` }),
    });
    expect(response.status).toBe(201);
    const { source, incidents } = (await response.json()) as { source: { id: number }; incidents: { id: number }[] };

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const popups: Page[] = [];
    page.context().on("page", (opened) => void popups.push(opened));
    const xss = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    await signIn(page, user.email);
    await page.goto(`${baseUrl}/sources/${source.id}`);
    await page.getByText("<script>window.__xss = 1</script>", { exact: false }).waitFor();
    expect(await page.locator("main script").count()).toBe(0);
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain('<img src=x onerror="window.__xss = 4">');

    // The article's javascript: link is text, not a link: a real click on it runs nothing and goes nowhere.
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await page.getByText('<a href="javascript:window.__xss=3">lien</a>', { exact: false }).first().click();
    expect(page.url()).toBe(`${baseUrl}/sources/${source.id}`);
    expect(await xss()).toBeUndefined();

    // A javascript: URL stored on a source (from a feed's <link>, which ingest now drops, or from older
    // data, as here) is shown as text on the source and incident pages; clicking it runs nothing.
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Lien piégé</title>` +
      `<link>javascript:window.__xss=5</link><description>Le 18 mai 2025, des hommes armés ont attaqué le poste de Boni, dans la région de Mopti.</description></item></channel></rss>`;
    const form = new FormData();
    form.append("file", new Blob([feed], { type: "application/rss+xml" }), "feed.xml");
    const fromFeed = await fetch(`${baseUrl}/api/sources`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(fromFeed.status).toBe(201);
    const [feedRow] = await query<{ url: string | null }>(`SELECT url FROM source WHERE title = 'Lien piégé'`);
    expect(feedRow).toEqual({ url: null });
    const [legacy] = await query<{ id: number }>(
      `INSERT INTO source (title, url, text, content_hash) VALUES ('Ancienne source', 'javascript:window.__xss=6', 'Texte.', repeat('e', 64)) RETURNING id`,
    );
    await query(`INSERT INTO incident_source (incident_id, source_id) VALUES ($1, $2)`, [incidents[0]!.id, legacy!.id]);
    for (const path of [`/sources/${legacy!.id}`, `/incidents/${incidents[0]!.id}`]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByText("javascript:window.__xss=6").first().waitFor();
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      await page.getByText("javascript:window.__xss=6").first().click();
      expect(page.url()).toBe(`${baseUrl}${path}`);
      expect(await xss()).toBeUndefined();
    }
    expect(popups).toEqual([]);
    expect(dialogs).toEqual([]);

    await page.goto(`${baseUrl}/sources`);
    expect(await xss()).toBeUndefined();
    await page.close();
  });
});
