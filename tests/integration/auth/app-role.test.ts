/**
 * The app's own database role (lib/db/app-role.ts): it can do the app's work, and it cannot rewrite or
 * empty the audit trail, not even by switching the triggers off, because it holds no such privilege.
 */
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoleName, JOB_QUEUE_SCHEMA, provideAppRole } from "@/lib/db/app-role";
import { migrate } from "@/lib/db/migrate";
import { query, scratchDatabase } from "../db";

let db: { url: string; drop: () => Promise<void> };
let appUrl: string;

async function asApp<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) {
  return query<T>(text, values, appUrl);
}

/** The SQLSTATE a statement fails with, or null when it succeeds. */
async function failureCode(text: string): Promise<string | null> {
  try {
    await asApp(text);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? "unknown";
  }
}

const PERMISSION_DENIED = "42501";

beforeAll(async () => {
  db = await scratchDatabase("vigie_app_role");
  await migrate(db.url);
  const app = await provideAppRole(db.url);
  expect(app.role).toBe(appRoleName(new URL(db.url).pathname.slice(1)));
  appUrl = app.url;
});

afterAll(async () => {
  await db?.drop();
});

describe("the app's database role", () => {
  it("is not the owner, not a superuser, and cannot create roles or databases", async () => {
    const [me] = await asApp(
      `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(me).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await asApp(
      `SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_get_userbyid(c.relowner) = current_user`,
    );
    expect(owned).toEqual([]);
  });

  it("appends to and reads the audit trail", async () => {
    await asApp(`INSERT INTO audit_event (action, target_type) VALUES ('test.append', 'test')`);
    const rows = await asApp(`SELECT action FROM audit_event WHERE action = 'test.append'`);
    expect(rows).toHaveLength(1);
  });

  it("is refused by privilege, not only by trigger, when it rewrites, empties or unguards the audit trail", async () => {
    expect(await failureCode(`UPDATE audit_event SET action = 'forged'`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`DELETE FROM audit_event`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`TRUNCATE audit_event`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`ALTER TABLE audit_event DISABLE TRIGGER ALL`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`DROP TABLE audit_event`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`SET session_replication_role = replica`)).toBe(PERMISSION_DENIED);
    const [count] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`, [], db.url);
    expect(count.n).toBeGreaterThan(0);
  });

  it("cannot change the schema or read the role's stored password", async () => {
    expect(await failureCode(`CREATE TABLE public.intruder (id int)`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`ALTER TABLE incident ADD COLUMN intruder int`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`SELECT * FROM vigie_private.app_role`)).toBe(PERMISSION_DENIED);
    expect(await failureCode(`DELETE FROM _prisma_migrations`)).toBe(PERMISSION_DENIED);
  });

  it("reads, writes and deletes the app's data", async () => {
    await asApp(`INSERT INTO "user" (email, password_hash, role, updated_at) VALUES ('role@test.local', 'x', 'analyst', now())`);
    await asApp(`UPDATE "user" SET disabled = true WHERE email = 'role@test.local'`);
    const [source] = await asApp<{ id: number }>(
      `INSERT INTO source (title, text, content_hash) VALUES ('role test', 'text', repeat('a', 64)) RETURNING id`,
    );
    expect(source.id).toBeGreaterThan(0);
    await asApp(`DELETE FROM source WHERE id = $1`, [source.id]);
    expect(await asApp(`SELECT disabled FROM "user" WHERE email = 'role@test.local'`)).toEqual([{ disabled: true }]);
  });

  it("runs the job queue, including creating a queue (pg-boss attaches a table per queue)", async () => {
    const boss = new PgBoss({ connectionString: appUrl, schema: JOB_QUEUE_SCHEMA, supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    try {
      await boss.createQueue("app-role-test");
      const id = await boss.send("app-role-test", { hello: "world" });
      expect(id).toBeTruthy();
      const [job] = await boss.fetch("app-role-test");
      expect(job?.data).toEqual({ hello: "world" });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("keeps its password when made again, so processes started later connect alongside earlier ones", async () => {
    const again = await provideAppRole(db.url);
    expect(again.url).toBe(appUrl);
    const client = new pg.Client({ connectionString: appUrl });
    await client.connect();
    await client.end();
  });

  it("covers tables added by a later migration", async () => {
    await query(`CREATE TABLE later_feature (id int)`, [], db.url);
    expect(await failureCode(`SELECT * FROM later_feature`)).toBe(PERMISSION_DENIED);
    await provideAppRole(db.url);
    expect(await failureCode(`INSERT INTO later_feature VALUES (1)`)).toBeNull();
  });
});

describe("an owner that may not create roles", () => {
  it("keeps the owner's URL and says why", async () => {
    const owner = `vigie_limited_owner_${process.pid}`;
    const scratch = await scratchDatabase("vigie_app_role_limited");
    try {
      await query(`CREATE ROLE ${owner} LOGIN PASSWORD 'limited'`, [], scratch.url);
      await query(`GRANT ALL ON DATABASE ${new URL(scratch.url).pathname.slice(1)} TO ${owner}`, [], scratch.url);
      const url = new URL(scratch.url);
      url.username = owner;
      url.password = "limited";
      const app = await provideAppRole(url.toString());
      expect(app).toEqual({ url: url.toString(), role: null, reason: expect.stringMatching(/CREATEROLE/) });
    } finally {
      await scratch.drop();
      await query(`DROP ROLE IF EXISTS ${owner}`);
    }
  });
});
