import { beforeEach, describe, expect, it } from "vitest";
import { GET as listAudit } from "@/app/api/admin/audit/route";
import { PATCH as changeUser } from "@/app/api/admin/users/[id]/route";
import { GET as listUsersRoute, POST as createUserRoute } from "@/app/api/admin/users/route";
import { authenticate } from "@/lib/auth/login";
import { createUser } from "@/lib/auth/users";
import { query, resetDatabase } from "../db";
import { signedInUser, TEST_PASSWORD, withCookie, withToken } from "../session";

const BASE = "http://localhost:3000";

beforeEach(() => resetDatabase());

const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

function patch(id: number, body: unknown, auth: RequestInit) {
  const init = { ...auth, method: "PATCH", headers: { ...(auth.headers as Record<string, string>), "content-type": "application/json" }, body: JSON.stringify(body) };
  return changeUser(new Request(`${BASE}/api/admin/users/${id}`, init), { params: Promise.resolve({ id: String(id) }) });
}

async function auditOf(targetId: number) {
  return query<{ action: string; actor: string | null; details: Record<string, unknown> }>(
    `SELECT action, user_email AS actor, details FROM audit_event WHERE target_type = 'user' AND target_id = $1 AND action LIKE 'user.%' ORDER BY id`,
    [String(targetId)],
  );
}

describe("user management", () => {
  it("an admin creates a user, changes the role, disables, enables and resets the password; each change is audited", async () => {
    const admin = await signedInUser("admin", "chief@example.org");
    const created = await createUserRoute(new Request(`${BASE}/api/admin/users`, withCookie(admin.cookie, json({ email: "New.Analyst@example.org", role: "viewer", password: TEST_PASSWORD, name: "Nia" }))));
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: number; email: string; role: string } };
    expect(user).toMatchObject({ email: "new.analyst@example.org", role: "viewer" });
    expect(JSON.stringify(user)).not.toContain("argon2");

    expect((await patch(user.id, { role: "analyst" }, withCookie(admin.cookie))).status).toBe(204);
    expect((await patch(user.id, { disabled: true }, withCookie(admin.cookie))).status).toBe(204);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, ip: "10.9.0.1" })).toBeNull();
    expect((await patch(user.id, { disabled: false }, withCookie(admin.cookie))).status).toBe(204);
    expect((await patch(user.id, { password: "the reset password" }, withToken(admin.token))).status).toBe(204);
    expect(await authenticate({ email: user.email, password: "the reset password", ip: "10.9.0.1" })).toMatchObject({ role: "analyst" });

    const audit = await auditOf(user.id);
    expect(audit.map((row) => [row.action, row.actor])).toEqual([
      ["user.create", "chief@example.org"],
      ["user.role_change", "chief@example.org"],
      ["user.disable", "chief@example.org"],
      ["user.enable", "chief@example.org"],
      ["user.password_reset", "chief@example.org"],
    ]);
    expect(audit[1].details).toMatchObject({ from: "viewer", to: "analyst" });
    expect(JSON.stringify(audit)).not.toContain("the reset password");

    const listed = (await (await listUsersRoute(new Request(`${BASE}/api/admin/users`, withCookie(admin.cookie)))).json()) as { users: { email: string }[] };
    expect(listed.users.map((row) => row.email).sort()).toEqual(["chief@example.org", "new.analyst@example.org"]);
    expect(JSON.stringify(listed)).not.toContain("argon2");
  });

  it("refuses bad input with clear 4xx errors", async () => {
    const admin = await signedInUser("admin");
    const post = (body: unknown) => createUserRoute(new Request(`${BASE}/api/admin/users`, withCookie(admin.cookie, json(body))));
    expect((await post({ email: "not-an-email", role: "viewer", password: TEST_PASSWORD })).status).toBe(400);
    expect((await post({ email: "x@example.org", role: "root", password: TEST_PASSWORD })).status).toBe(400);
    const weak = await post({ email: "x@example.org", role: "viewer", password: "short" });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { message: string }).message).toMatch(/at least 10 characters/);
    expect((await post({ email: admin.user.email.toUpperCase(), role: "viewer", password: TEST_PASSWORD })).status).toBe(409);
    expect((await patch(admin.user.id, {}, withCookie(admin.cookie))).status).toBe(400);
    expect((await patch(admin.user.id, { role: "viewer", disabled: true }, withCookie(admin.cookie))).status).toBe(400);
    expect((await patch(999_999, { role: "viewer" }, withCookie(admin.cookie))).status).toBe(404);
  });

  it("never leaves the team without an active admin, and an admin cannot lock themselves out", async () => {
    const admin = await signedInUser("admin");
    const self = await patch(admin.user.id, { disabled: true }, withCookie(admin.cookie));
    expect(self.status).toBe(409);
    expect((await patch(admin.user.id, { role: "viewer" }, withCookie(admin.cookie))).status).toBe(409);

    const { setUserDisabled, updateUserRole } = await import("@/lib/auth/users");
    await expect(updateUserRole(admin.user.id, "analyst")).rejects.toMatchObject({ code: "conflict" });
    await expect(setUserDisabled(admin.user.id, true)).rejects.toMatchObject({ code: "conflict" });
    const second = await createUser({ email: "second@example.org", password: TEST_PASSWORD, role: "admin" });
    await setUserDisabled(admin.user.id, true);
    await expect(updateUserRole(second.id, "viewer")).rejects.toMatchObject({ code: "conflict" });
  });

  it("is for admins only: an analyst gets 403 on every user endpoint", async () => {
    const analyst = await signedInUser("analyst");
    expect((await listUsersRoute(new Request(`${BASE}/api/admin/users`, withCookie(analyst.cookie)))).status).toBe(403);
    expect((await createUserRoute(new Request(`${BASE}/api/admin/users`, withCookie(analyst.cookie, json({}))))).status).toBe(403);
    expect((await patch(analyst.user.id, { role: "admin" }, withToken(analyst.token))).status).toBe(403);
    expect((await listAudit(new Request(`${BASE}/api/admin/audit`, withToken(analyst.token)))).status).toBe(403);
  });
});

describe("the audit trail", () => {
  it("lists events newest first, filtered by action, user and date, in pages", async () => {
    const admin = await signedInUser("admin", "auditor@example.org");
    for (let index = 0; index < 3; index++) await authenticate({ email: "auditor@example.org", password: TEST_PASSWORD, ip: "10.3.0.1" });
    await authenticate({ email: "auditor@example.org", password: "wrong password!", ip: "10.3.0.1" });
    const get = async (query: string) =>
      (await (await listAudit(new Request(`${BASE}/api/admin/audit?${query}`, withCookie(admin.cookie)))).json()) as {
        rows: { action: string; userEmail: string | null; createdAt: string }[];
        total: number;
      };

    const logins = await get("action=auth.login");
    expect(logins.total).toBe(3);
    expect(logins.rows.every((row) => row.action === "auth.login")).toBe(true);
    const auth = await get("action=auth.");
    expect(auth.rows.map((row) => row.action)).toEqual(["auth.login_failed", "auth.login", "auth.login", "auth.login"]);
    expect((await get("user=AUDITOR")).total).toBeGreaterThanOrEqual(5);
    expect((await get("user=nobody")).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`from=${today}&to=${today}&action=auth.login`)).total).toBe(3);
    expect((await get(`to=2000-01-01`)).total).toBe(0);
    expect((await get("page=banana&from=not-a-date")).total).toBeGreaterThan(0);

    const { listAuditEvents, parseAuditFilter } = await import("@/lib/audit/queries");
    const first = await listAuditEvents(parseAuditFilter({ action: "auth." }), 3);
    const second = await listAuditEvents(parseAuditFilter({ action: "auth.", page: "2" }), 3);
    expect([first.page, first.pageCount, second.page]).toEqual([1, 2, 2]);
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(1);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(4);
    expect((await listAuditEvents(parseAuditFilter({ action: "auth.", page: "99" }), 3)).page).toBe(2);
  });

  it("cannot be edited, deleted or truncated, even directly in the database", async () => {
    await signedInUser("admin");
    const before = await query(`SELECT * FROM audit_event ORDER BY id`);
    expect(before.length).toBeGreaterThan(0);
    await expect(query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await expect(query(`TRUNCATE "user" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await query(`SELECT * FROM audit_event ORDER BY id`)).toEqual(before);
    const [privileges] = await query<{ update: boolean; delete: boolean; truncate: boolean }>(
      `SELECT has_table_privilege('public', 'audit_event', 'UPDATE') AS update, has_table_privilege('public', 'audit_event', 'DELETE') AS delete,
              has_table_privilege('public', 'audit_event', 'TRUNCATE') AS truncate`,
    );
    expect(privileges).toEqual({ update: false, delete: false, truncate: false });
  });
});
