/**
 * WCAG 2.1 AA in both languages: axe-core (injected into the real pages in Chromium) on every main page,
 * failing on any serious or critical violation. Also checks that the filter and table flow works from the
 * keyboard alone, with a visible focus.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser } from "./auth-helpers";
import { launchBrowser } from "./browser";
import { seedI18nIncidents, signIn } from "./i18n-helpers";

const baseUrl = inject("baseUrl");
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;
let incidentId: number;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

beforeAll(async () => {
  browser = await launchBrowser();
  ({ id: incidentId } = await seedI18nIncidents());
});

afterAll(async () => {
  await browser?.close();
});

/** Runs axe on the page as it is: WCAG 2.0/2.1 A and AA rules, plus "label in name" (WCAG 2.5.3), which axe marks experimental. */
async function audit(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice", "experimental"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

const PAGES = (id: () => number) => [
  { name: "overview", path: "/overview", ready: '[data-testid="chart-time"] svg' },
  { name: "incidents", path: "/incidents", ready: '[data-testid="incident-total"]' },
  { name: "incident", path: () => `/incidents/${id()}`, ready: "h1" },
  { name: "ingest", path: "/ingest", ready: "#article-text" },
  { name: "sources", path: "/sources", ready: "table" },
  { name: "settings", path: "/settings/tokens", ready: "h1" },
  { name: "admin users", path: "/admin/users", ready: "table" },
  { name: "admin audit", path: "/admin/audit", ready: "h1" },
  { name: "feeds", path: "/feeds", ready: "table" },
  { name: "places", path: "/places", ready: "table" },
  { name: "actors queue", path: "/places/actors", ready: "table" },
  { name: "alerts", path: "/alerts", ready: "table" },
  { name: "watches", path: "/watches", ready: "table" },
];

describe.each([
  ["English", "en-US", "en"],
  ["French", "fr-FR", "fr"],
])("accessibility in %s", (_language, browserLocale, lang) => {
  it("the login page has no serious or critical axe violation", async () => {
    const context = await browser.newContext({ locale: browserLocale, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[name="email"]').waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe(lang);
    expect(await audit(page)).toEqual([]);
    await context.close();
  });

  it("every main page has no serious or critical axe violation", async () => {
    const admin = await createTestUser("admin");
    // bypassCSP lets the test inject axe as a script; the app's own pages are not changed by it.
    const context = await browser.newContext({ locale: browserLocale, bypassCSP: true, viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, admin.email);
    const found: Record<string, Violation[]> = {};
    for (const target of PAGES(() => incidentId)) {
      const path = typeof target.path === "function" ? target.path() : target.path;
      await page.goto(`${baseUrl}${path}`);
      await page.locator(target.ready).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      const violations = await audit(page);
      if (violations.length) found[target.name] = violations;
    }
    expect(found).toEqual({});
    await context.close();
  });
});

describe("the audit itself", () => {
  it("reports a serious violation when a page has one (low-contrast text)", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[name="email"]').waitFor();
    await page.evaluate(() => {
      const probe = document.createElement("p");
      probe.textContent = "Barely visible";
      probe.style.color = "#cbd5e1";
      probe.style.background = "#ffffff";
      document.querySelector("main")?.append(probe);
    });
    expect((await audit(page)).map((violation) => violation.id)).toContain("color-contrast");
    await context.close();
  });
});

describe("keyboard only", () => {
  it("filters, opens an incident from the table and reaches the export, with a visible focus", async () => {
    const analyst = await createTestUser("analyst");
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, analyst.email, "/incidents");
    await page.getByTestId("incident-total").waitFor();

    // Tab to the event-type filter, open it with Enter, tick "Battles" with Space, close with Escape.
    const eventType = page.locator('[data-filter="eventType"]');
    let guard = 0;
    while (!(await eventType.evaluate((element) => element === document.activeElement)) && guard++ < 60) await page.keyboard.press("Tab");
    expect(guard).toBeLessThan(60);
    const outline = await eventType.evaluate((element) => {
      const style = getComputedStyle(element);
      return `${style.outlineStyle} ${style.boxShadow}`;
    });
    expect(outline).not.toBe("none none");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.waitForURL(/eventType=/);
    await page.keyboard.press("Escape");
    expect(await eventType.evaluate((element) => element === document.activeElement)).toBe(true);

    // The incident id link in the table opens the incident with Enter.
    const firstLink = page.locator("tbody tr td:first-child a").first();
    const href = await firstLink.getAttribute("href");
    await firstLink.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}${href}`);
    await page.getByRole("button", { name: "Verify" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Mark unverified" }).waitFor();

    // Back on the table, the export menu opens and its download link is reachable with Tab.
    await page.goto(`${baseUrl}/incidents`);
    // Until the page has hydrated the button has no handler, and Enter does nothing: press again until the
    // menu opens (it opens on the next render), or the Tab steps run before it exists.
    const download = page.getByTestId("export-download");
    for (let attempt = 0; attempt < 20 && !(await download.isVisible()); attempt++) {
      await page.getByTestId("export-menu").focus();
      await page.keyboard.press("Enter");
      await download.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await download.waitFor();
    let reached = false;
    for (let step = 0; step < 10 && !reached; step++) {
      await page.keyboard.press("Tab");
      reached = await page.getByTestId("export-download").evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    await context.close();
  });
});
