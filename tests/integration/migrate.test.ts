import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { query, scratchDatabase } from "./db";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function scratch() {
  const db = await scratchDatabase("vigie_migrate");
  cleanups.push(db.drop);
  return db.url;
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "vigie-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

type Row = { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; logs: string | null; rolled_back_at: Date | null };

describe("migration runner", () => {
  it("applies every migration and records it in _prisma_migrations as Prisma does", async () => {
    const url = await scratch();
    const result = await migrate(url);
    const names = readMigrations().map((m) => m.name);
    expect(result.applied).toEqual(names);
    const rows = await query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`, [], url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = readFileSync(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
    const tables = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`, [], url);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["incident", "source", "actor", "audit_event", "user"]));
  });

  it("is a no-op when applied twice", async () => {
    const url = await scratch();
    await migrate(url);
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(readMigrations().map((m) => m.name));
    const [{ count }] = await query<{ count: string }>(`SELECT count(*) FROM "_prisma_migrations"`, [], url);
    expect(Number(count)).toBe(readMigrations().length);
  });

  it("leaves a failed row and refuses to run again on a half-migrated database", async () => {
    const url = await scratch();
    const dir = migrationsDir({
      "20200101000000_ok": `CREATE TABLE first_table (id int);`,
      "20200102000000_broken": `CREATE TABLE second_table (id int);\nINSERT INTO missing_table VALUES (1);`,
      "20200103000000_later": `CREATE TABLE third_table (id int);`,
    });
    await expect(migrate(url, { dir })).rejects.toThrow(/20200102000000_broken failed: .*missing_table/);
    const rows = await query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`, [], url);
    expect(rows.map((r) => [r.migration_name, r.finished_at === null])).toEqual([
      ["20200101000000_ok", false],
      ["20200102000000_broken", true],
    ]);
    expect(rows[1]!.logs).toMatch(/missing_table/);
    expect(rows[1]!.applied_steps_count).toBe(0);
    // The failed migration's own statements were rolled back with it.
    const [{ exists }] = await query<{ exists: boolean }>(`SELECT to_regclass('second_table') IS NOT NULL AS exists`, [], url);
    expect(exists).toBe(false);

    const again = migrate(url, { dir });
    await expect(again).rejects.toBeInstanceOf(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/half-migrated/);
    const [{ later }] = await query<{ later: boolean }>(`SELECT to_regclass('third_table') IS NOT NULL AS later`, [], url);
    expect(later).toBe(false);
  });

  it("applies only the new migrations of a database that is behind", async () => {
    const url = await scratch();
    const dir = migrationsDir({ "20200101000000_a": `CREATE TABLE a (id int);` });
    await migrate(url, { dir });
    mkdirSync(join(dir, "20200102000000_b"));
    writeFileSync(join(dir, "20200102000000_b", "migration.sql"), `CREATE TABLE b (id int);`);
    const result = await migrate(url, { dir });
    expect(result).toEqual({ applied: ["20200102000000_b"], alreadyApplied: ["20200101000000_a"] });
  });
});
