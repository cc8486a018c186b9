import { existsSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { provideEmbeddedPostgres, runningServer, startEmbeddedPostgres } from "@/lib/db/embedded";
import { query } from "./db";

const dataDir = `.data/test-embedded-${process.pid}`;
const sharedDir = `.data/test-embedded-shared-${process.pid}`;
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(sharedDir, { recursive: true, force: true });
});

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

describe("embedded PostgreSQL", () => {
  it("initialises a data directory, stops cleanly and keeps the data on restart", async () => {
    const first = await startEmbeddedPostgres({ dataDir, database: "vigie" });
    expect(existsSync(`${dataDir}/PG_VERSION`)).toBe(true);
    await query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('Sandaré')`, [], first.url);
    await first.stop();
    expect(await portOpen(first.port)).toBe(false);
    expect(existsSync(`${dataDir}/postmaster.pid`)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, database: "vigie" });
    try {
      const rows = await query<{ note: string }>(`SELECT note FROM kept`, [], second.url);
      expect(rows).toEqual([{ note: "Sandaré" }]);
      const [{ server_encoding }] = await query<{ server_encoding: string }>(`SHOW server_encoding`, [], second.url);
      expect(server_encoding).toBe("UTF8");
    } finally {
      await second.stop();
    }
  });

  it("is started once for concurrent users in one process and stopped when the last one stops", async () => {
    const [a, b] = await Promise.all([provideEmbeddedPostgres({ dataDir: sharedDir, database: "postgres" }), provideEmbeddedPostgres({ dataDir: sharedDir, database: "postgres" })]);
    expect(a.port).toBe(b.port);
    await a.stop();
    expect(await portOpen(b.port)).toBe(true);
    await query(`SELECT 1`, [], b.url);
    await b.stop();
    expect(await portOpen(b.port)).toBe(false);
    expect(runningServer(sharedDir)).toBeNull();
  });

  it("is attached to by another process through postmaster.pid, which leaves it running", async () => {
    const owner = await provideEmbeddedPostgres({ dataDir: sharedDir, database: "vigie" });
    try {
      const script = `import { provideEmbeddedPostgres } from "./lib/db/embedded.ts";
        const db = await provideEmbeddedPostgres({ dataDir: ${JSON.stringify(sharedDir)}, database: "other" });
        console.log(JSON.stringify({ port: db.port, attached: db.attached }));
        await db.stop();`;
      // The owner's presence is what an attached process looks for before shutting a server down.
      for (let tries = 0; tries < 100; tries++) {
        const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, [`vigie-${process.pid}-presence`], owner.url);
        if (n > 0) break;
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
      const child = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolveChild) => {
        const process_ = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script]);
        let stdout = "";
        let stderr = "";
        process_.stdout.on("data", (chunk) => (stdout += chunk));
        process_.stderr.on("data", (chunk) => (stderr += chunk));
        process_.once("exit", (status) => resolveChild({ status, stdout, stderr }));
      });
      expect(JSON.parse(child.stdout.trim().split("\n").pop()!)).toEqual({ port: owner.port, attached: true });
      // The attached process made its database and left the owner's server running.
      expect(await portOpen(owner.port)).toBe(true);
      const databases = await query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = 'other'`, [], owner.url);
      expect(databases).toEqual([{ datname: "other" }]);
    } finally {
      await owner.stop();
    }
    expect(runningServer(sharedDir)).toBeNull();
  });
});
