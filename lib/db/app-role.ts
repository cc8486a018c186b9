/**
 * The app (web server and workers) connects as a role of its own, not as the database's owner: it reads and
 * writes the data, but cannot rewrite history. It has no UPDATE, DELETE or TRUNCATE on the audit trail, owns
 * no table of the public schema (so it cannot drop or disable the audit triggers), is no superuser and
 * cannot create roles, databases or tables there. Migrations keep running as the owner, who makes the role
 * (or brings its grants up to date) after every migration, so tables added later are covered.
 *
 * The role is per database (roles are server-wide; two Vigie databases on one server get two roles) and its
 * password is generated once and kept in a schema only the owner can read, so every process that holds the
 * owner's URL (npm start, npm run worker, on any machine) connects with the same one.
 */
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { describeThrown } from "../errors/describe";

/** pg-boss's schema: the job queue's tables live there, owned by the app role (see grantJobQueue). */
export const JOB_QUEUE_SCHEMA = "pgboss";

export type AppDatabase = {
  /** Where the app connects: the app role's URL, or the owner's when the role could not be used. */
  url: string;
  role: string | null;
  /** Why the owner's URL is used, when it is. */
  reason?: string;
};

/** `<database>_app`, made safe as an identifier and kept within PostgreSQL's 63 bytes. */
export function appRoleName(database: string): string {
  const safe = database.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const name = `${safe}_app`;
  if (name.length <= 63) return name;
  const digest = createHash("sha256").update(database).digest("hex").slice(0, 8);
  return `${safe.slice(0, 50)}_${digest}_app`;
}

function grants(client: pg.Client, role: string, database: string): string[] {
  const r = client.escapeIdentifier(role);
  return [
    `REVOKE ALL ON DATABASE ${client.escapeIdentifier(database)} FROM ${r}`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${client.escapeIdentifier(database)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `REVOKE CREATE ON SCHEMA public FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // History is appended and read, never rewritten.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON _prisma_migrations FROM ${r}`,
  ];
}

/**
 * pg-boss creates a table per queue and attaches it to its job table, which only the job table's owner may
 * do; so the queue's schema is installed by the owner here (once) and then handed to the app role. The app
 * role can do anything to its job queue and nothing to the public schema's structure.
 */
async function grantJobQueue(client: pg.Client, role: string): Promise<void> {
  const schema = client.escapeIdentifier(JOB_QUEUE_SCHEMA);
  const r = client.escapeIdentifier(role);
  await client.query(`ALTER SCHEMA ${schema} OWNER TO ${r}`);
  const objects = await client.query<{ statement: string }>(
    `SELECT format('ALTER %s %s OWNER TO %I', kind, name, $2::text) AS statement FROM (
       SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END AS kind, c.oid::regclass::text AS name
         FROM pg_class c
        WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'v')
           OR c.relnamespace = $1::regnamespace AND c.relkind = 'S'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
       UNION ALL
       SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = $1::regnamespace
       UNION ALL
       SELECT 'TYPE', t.oid::regtype::text FROM pg_type t
        WHERE t.typnamespace = $1::regnamespace AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
     ) objects`,
    [JOB_QUEUE_SCHEMA, role],
  );
  for (const { statement } of objects.rows) await client.query(statement);
}

async function canConnect(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return describeThrown(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Makes or updates the app role of the database at `ownerUrl` and answers the URL the app should use. When
 * the owner may not create roles (a managed database's restricted user, say) or the new role cannot log
 * in (the server's pg_hba.conf), it answers the owner's URL with the reason, for the caller to say.
 */
export async function provideAppRole(ownerUrl: string): Promise<AppDatabase> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  let role: string;
  let password: string;
  try {
    const me = await client.query<{ database: string; rolsuper: boolean; rolcreaterole: boolean }>(
      `SELECT current_database() AS database, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user`,
    );
    const { database, rolsuper, rolcreaterole } = me.rows[0];
    if (!rolsuper && !rolcreaterole) {
      return { url: ownerUrl, role: null, reason: "the database user may not create roles (it needs CREATEROLE)" };
    }
    role = appRoleName(database);
    // Several processes start at once (the web server's cluster, workers): one makes the role at a time.
    // Held for the session, because pg-boss's installation commits on its own.
    await client.query(`SELECT pg_advisory_lock(hashtext('vigie-app-role'))`);
    const queue = await client.query(`SELECT to_regclass($1) IS NOT NULL AS installed`, [`${JOB_QUEUE_SCHEMA}.version`]);
    if (!queue.rows[0].installed) await client.query(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
    await client.query("BEGIN");
    await client.query(`CREATE SCHEMA IF NOT EXISTS vigie_private`);
    await client.query(`REVOKE ALL ON SCHEMA vigie_private FROM PUBLIC`);
    await client.query(`CREATE TABLE IF NOT EXISTS vigie_private.app_role (role text PRIMARY KEY, password text NOT NULL)`);
    const stored = await client.query<{ password: string }>(`SELECT password FROM vigie_private.app_role WHERE role = $1`, [role]);
    password = stored.rows[0]?.password ?? randomBytes(24).toString("base64url");
    if (!stored.rows.length) await client.query(`INSERT INTO vigie_private.app_role (role, password) VALUES ($1, $2)`, [role, password]);
    const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${client.escapeLiteral(password)}`;
    await client.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${client.escapeIdentifier(role)} ${attributes}`);
    for (const statement of grants(client, role, database)) await client.query(statement);
    await grantJobQueue(client, role);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  const refused = await canConnect(url.toString());
  if (refused) return { url: ownerUrl, role: null, reason: `the role ${role} could not connect: ${refused}` };
  return { url: url.toString(), role };
}

/** The line a start-up prints about which role the app runs as. */
export function describeAppRole(app: AppDatabase): string {
  return app.role
    ? `the app connects as the role ${app.role} (no UPDATE, DELETE or TRUNCATE on the audit trail)`
    : `warning: the app connects as the database owner, because ${app.reason}; see SECURITY.md`;
}
