import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("exit codes", () => {
  it("a process that loads the embedded database module keeps its failing exit code", () => {
    const script = `import "./lib/db/embedded.ts"; process.exitCode = 3;`;
    const result = spawnSync("npx", ["tsx", "--eval", script], { encoding: "utf8" });
    expect(result.status).toBe(3);
  });

  it("a process that loads it and ends normally exits 0, without errors from exit hooks", () => {
    const result = spawnSync("npx", ["tsx", "--eval", `import "./lib/db/embedded.ts";`], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
