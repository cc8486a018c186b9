/**
 * schema.prisma and prisma/migrations must describe the same database. The database the migrations build
 * is compared, catalog against catalog, with the one Prisma's schema engine builds from schema.prisma.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { diffSql, schemaTarget } from "@/lib/db/schema-diff";
import { query, scratchDatabase } from "./db";

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function catalog(url: string) {
  const columns = await query(
    `SELECT table_name, column_name, udt_name, is_nullable, column_default, character_maximum_length, datetime_precision
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`, [], url);
  const indexes = await query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`, [], url);
  const constraints = await query(
    `SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY c.conname`, [], url);
  const enums = await query(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`, [], url);
  return { columns, indexes, constraints, enums };
}

async function databaseFromSchema(schema: string) {
  const db = await scratchDatabase("vigie_drift_schema");
  drops.push(db.drop);
  const ddl = await diffSql(inject("adminDatabaseUrl"), { tag: "empty" }, schemaTarget("schema.prisma", schema));
  await query(ddl, [], db.url);
  return catalog(db.url);
}

describe("schema drift", () => {
  it("the migrations build exactly the database schema.prisma describes", async () => {
    const migrated = await scratchDatabase("vigie_drift_migrations");
    drops.push(migrated.drop);
    await migrate(migrated.url);
    const fromMigrations = await catalog(migrated.url);
    const fromSchema = await databaseFromSchema(readFileSync("prisma/schema.prisma", "utf8"));
    expect(fromMigrations.columns).toEqual(fromSchema.columns);
    expect(fromMigrations.indexes).toEqual(fromSchema.indexes);
    expect(fromMigrations.constraints).toEqual(fromSchema.constraints);
    expect(fromMigrations.enums).toEqual(fromSchema.enums);
  });

  it("notices a model field without a column, and a changed type or nullability", async () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const original = await databaseFromSchema(schema);
    const withField = await databaseFromSchema(schema.replace(/(model Incident \{\n)/, "$1  reviewer String?\n"));
    expect(withField.columns).not.toEqual(original.columns);
    const nullable = await databaseFromSchema(schema.replace("  summary        String\n", "  summary        String?\n"));
    expect(nullable.columns).not.toEqual(original.columns);
    const retyped = await databaseFromSchema(schema.replace("  fatalities     Int?\n", "  fatalities     BigInt?\n"));
    expect(retyped.columns).not.toEqual(original.columns);
  });
});
