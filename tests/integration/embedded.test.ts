import { existsSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { query } from "./db";

const dataDir = `.data/test-embedded-${process.pid}`;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
});
