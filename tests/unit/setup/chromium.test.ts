/** The browser tests find or provision Chromium in a fixed order, and say what to run when all fail. */
import { describe, expect, it } from "vitest";
import { findOrProvideChromium, NoBrowserError, type BrowserProbe } from "../../setup/chromium";

function probe(overrides: Partial<BrowserProbe> & { present?: string[]; installs?: Record<string, string> }): BrowserProbe & { ran: string[] } {
  const present = new Set(overrides.present ?? []);
  const ran: string[] = [];
  return {
    env: {} as NodeJS.ProcessEnv,
    exists: (path) => present.has(path),
    playwrightCache: () => [...present].filter((path) => path.includes("ms-playwright")),
    run: (command, args) => {
      const line = [command, ...args].join(" ");
      ran.push(line);
      const installed = Object.entries(overrides.installs ?? {}).find(([pattern]) => line.includes(pattern))?.[1];
      if (installed) present.add(installed);
      return Boolean(installed);
    },
    isRoot: false,
    isDebian: false,
    log: () => {},
    ...overrides,
    ran,
  };
}

describe("finding Chromium for the browser tests", () => {
  it("uses CHROMIUM_PATH first, even when a system browser exists", () => {
    const p = probe({ env: { CHROMIUM_PATH: "/opt/chrome/chrome" } as unknown as NodeJS.ProcessEnv, present: ["/opt/chrome/chrome", "/usr/bin/chromium"] });
    expect(findOrProvideChromium(p)).toBe("/opt/chrome/chrome");
    expect(p.ran).toEqual([]);
  });

  it("refuses a CHROMIUM_PATH that does not exist rather than silently using another browser", () => {
    const p = probe({ env: { CHROMIUM_PATH: "/nowhere/chrome" } as unknown as NodeJS.ProcessEnv, present: ["/usr/bin/chromium"] });
    expect(() => findOrProvideChromium(p)).toThrow(/CHROMIUM_PATH is set to \/nowhere\/chrome/);
  });

  it("takes a system Chromium or Chrome before Playwright's cache", () => {
    const p = probe({ present: ["/usr/bin/google-chrome", "/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome"] });
    expect(findOrProvideChromium(p)).toBe("/usr/bin/google-chrome");
  });

  it("takes Playwright's cached browser when there is no system one, without installing anything", () => {
    const p = probe({ present: ["/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome"] });
    expect(findOrProvideChromium(p)).toBe("/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome");
    expect(p.ran).toEqual([]);
  });

  it("runs Playwright's installer when nothing is found", () => {
    const p = probe({ installs: { "playwright-core/cli.js install chromium": "/home/u/.cache/ms-playwright/chromium-1/chrome-linux/chrome" } });
    expect(findOrProvideChromium(p)).toBe("/home/u/.cache/ms-playwright/chromium-1/chrome-linux/chrome");
    expect(p.ran).toHaveLength(1);
  });

  it("falls back to apt-get as root on Debian when Playwright's download fails", () => {
    const p = probe({ isRoot: true, isDebian: true, installs: { "apt-get install -y -qq chromium": "/usr/bin/chromium" } });
    expect(findOrProvideChromium(p)).toBe("/usr/bin/chromium");
    expect(p.ran[0]).toMatch(/playwright-core\/cli\.js install chromium/);
    expect(p.ran[1]).toMatch(/apt-get install -y -qq chromium/);
  });

  it("never runs apt-get when not root, and then says which command to run", () => {
    const p = probe({ isRoot: false, isDebian: true });
    expect(() => findOrProvideChromium(p)).toThrow(NoBrowserError);
    expect(() => findOrProvideChromium(p)).toThrow(/apt-get install -y chromium.*npx playwright install chromium.*CHROMIUM_PATH/);
    expect(p.ran.some((line) => line.includes("apt-get"))).toBe(false);
  });
});
