/**
 * The browser for the browser tests, found or provisioned so that `npm test` needs no set-up step:
 * CHROMIUM_PATH, then a system Chromium or Chrome, then Playwright's own browser cache, then Playwright's
 * installer (works on a machine with internet), then, as root on Debian, `apt-get install chromium`. Only
 * when all of them fail does it stop, with the command to run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

export type BrowserProbe = {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  /** Executables in Playwright's browser cache, newest first. */
  playwrightCache: () => string[];
  /** Runs a provisioning command; true when it succeeded. */
  run: (command: string, args: string[]) => boolean;
  isRoot: boolean;
  isDebian: boolean;
  log: (line: string) => void;
};

export class NoBrowserError extends Error {}

export function findOrProvideChromium(probe: BrowserProbe): string {
  const configured = probe.env.CHROMIUM_PATH;
  if (configured) {
    if (probe.exists(configured)) return configured;
    throw new NoBrowserError(`CHROMIUM_PATH is set to ${configured}, which does not exist: fix or unset it`);
  }
  const found = () => SYSTEM_BROWSERS.find(probe.exists) ?? probe.playwrightCache()[0];
  const existing = found();
  if (existing) return existing;

  probe.log("no Chromium found: trying `npx playwright-core install chromium`");
  if (probe.run(process.execPath, [join("node_modules", "playwright-core", "cli.js"), "install", "chromium"])) {
    const installed = found();
    if (installed) return installed;
  }
  if (probe.isRoot && probe.isDebian) {
    probe.log("trying `apt-get install -y chromium`");
    const env = ["DEBIAN_FRONTEND=noninteractive"];
    if (probe.run("env", [...env, "apt-get", "install", "-y", "-qq", "chromium"]) || (probe.run("apt-get", ["update", "-qq"]) && probe.run("env", [...env, "apt-get", "install", "-y", "-qq", "chromium"]))) {
      const installed = found();
      if (installed) return installed;
    }
  }
  throw new NoBrowserError(
    "The browser tests need Chromium and none could be found or installed. Run `sudo apt-get install -y chromium` " +
      "(Debian, Ubuntu) or `npx playwright install chromium` (any system with internet), or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

function playwrightCache(env: NodeJS.ProcessEnv): string[] {
  const root = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), ".cache", "ms-playwright");
  if (!existsSync(root)) return [];
  const executables = ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-mac/Chromium.app/Contents/MacOS/Chromium"];
  return readdirSync(root)
    .filter((entry) => entry.startsWith("chromium-"))
    .sort()
    .reverse()
    .flatMap((entry) => executables.map((executable) => join(root, entry, executable)))
    .filter((path) => existsSync(path));
}

export function chromiumForTests(): string {
  return findOrProvideChromium({
    env: process.env,
    exists: existsSync,
    playwrightCache: () => playwrightCache(process.env),
    run: (command, args) => spawnSync(command, args, { stdio: "inherit", timeout: 10 * 60_000 }).status === 0,
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync("/etc/debian_version"),
    log: (line) => console.log(line),
  });
}
