import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("exit codes", () => {
  it("a process that loads the embedded database module keeps its failing exit code", () => {
    const script = `import "./lib/db/embedded.ts"; process.exitCode = 3;`;
    const result = spawnSync("npx", ["tsx", "--eval", script], { encoding: "utf8" });
    expect(result.status).toBe(3);
  });
});
