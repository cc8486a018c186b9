import { spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { productionServer } from "../../scripts/lib/server-command";

function startServer(secret: string | undefined): Promise<{ code: number | null; output: string }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: inject("databaseUrl"), NEXT_TELEMETRY_DISABLED: "1", WEB_CONCURRENCY: "2" };
        if (secret === undefined) delete env.NEXTAUTH_SECRET;
        else env.NEXTAUTH_SECRET = secret;
        const child = spawn(...productionServer(port, "127.0.0.1"), { env });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
        child.on("exit", (code) => {
          clearTimeout(timer);
          resolve({ code, output });
        });
      }),
  );
}

describe("a production server without a strong secret", () => {
  it("refuses to start when NEXTAUTH_SECRET is missing", async () => {
    const { code, output } = await startServer(undefined);
    expect(code).toBe(1);
    expect(output).toMatch(/Vigie cannot start: NEXTAUTH_SECRET must be set/);
  });

  it("refuses to start when NEXTAUTH_SECRET is short", async () => {
    const { code, output } = await startServer("too-short");
    expect(code).toBe(1);
    expect(output).toMatch(/at least 32 characters/);
  });
});
