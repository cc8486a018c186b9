import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/tokens/route";
import { GET as listSources } from "@/app/api/sources/route";
import { query, resetDatabase } from "../db";
import { signedInUser, withCookie, withToken } from "../session";

const BASE = "http://localhost:3000";

beforeEach(() => resetDatabase());

function createToken(cookie: string, body: unknown) {
  return createTokenRoute(
    new Request(`${BASE}/api/tokens`, withCookie(cookie, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })),
  );
}

function revoke(id: number | string, init: RequestInit) {
  return revokeToken(new Request(`${BASE}/api/tokens/${id}`, { ...init, method: "DELETE" }), { params: Promise.resolve({ id: String(id) }) });
}

describe("API tokens", () => {
  it("are shown once at creation, stored only as a SHA-256, and work as Bearer on a JSON endpoint", async () => {
    const viewer = await signedInUser("viewer");
    const response = await createToken(viewer.cookie, { name: "weekly export" });
    expect(response.status).toBe(201);
    const { token, id } = (await response.json()) as { token: string; id: number };
    expect(token).toMatch(/^vigie_[A-Za-z0-9_-]{43}$/);

    const [stored] = await query<{ token_hash: string; prefix: string }>(`SELECT token_hash, prefix FROM api_token WHERE id = $1`, [id]);
    expect(stored.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    const everything = JSON.stringify(await query(`SELECT * FROM api_token`));
    expect(everything).not.toContain(token);
    expect(token.startsWith(stored.prefix)).toBe(true);

    const listed = await (await listTokensRoute(new Request(`${BASE}/api/tokens`, withCookie(viewer.cookie)))).json();
    expect(JSON.stringify(listed)).not.toContain(token);

    const used = await listSources(new Request(`${BASE}/api/sources`, withToken(token)));
    expect(used.status).toBe(200);
    const [row] = await query<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_token WHERE id = $1`, [id]);
    expect(row.last_used_at).not.toBeNull();
  });

  it("carry the owner's role: a viewer's token cannot ingest", async () => {
    const viewer = await signedInUser("viewer");
    const response = await (await import("@/app/api/sources/route")).POST(
      new Request(`${BASE}/api/sources`, withToken(viewer.token, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "forbidden" });
  });

  it("stop working once revoked, and revoking is recorded in the audit trail", async () => {
    const analyst = await signedInUser("analyst");
    const { token, id } = (await (await createToken(analyst.cookie, { name: "script" })).json()) as { token: string; id: number };
    expect((await listSources(new Request(`${BASE}/api/sources`, withToken(token)))).status).toBe(200);

    expect((await revoke(id, withCookie(analyst.cookie))).status).toBe(204);
    const after = await listSources(new Request(`${BASE}/api/sources`, withToken(token)));
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: "unauthorized" });

    const audit = await query<{ action: string; user_id: number; target_id: string }>(
      `SELECT action, user_id, target_id FROM audit_event WHERE action LIKE 'token.%' AND target_id = $1 ORDER BY id`,
      [String(id)],
    );
    expect(audit).toEqual([
      { action: "token.create", user_id: analyst.user.id, target_id: String(id) },
      { action: "token.revoke", user_id: analyst.user.id, target_id: String(id) },
    ]);
  });

  it("a token can revoke itself but cannot mint new tokens", async () => {
    const viewer = await signedInUser("viewer");
    const minted = await createTokenRoute(
      new Request(`${BASE}/api/tokens`, withToken(viewer.token, { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"x"}' })),
    );
    expect(minted.status).toBe(403);
    const [{ id }] = await query<{ id: number }>(`SELECT id FROM api_token WHERE user_id = $1`, [viewer.user.id]);
    expect((await revoke(id, withToken(viewer.token))).status).toBe(204);
    expect((await listSources(new Request(`${BASE}/api/sources`, withToken(viewer.token)))).status).toBe(401);
  });

  it("cannot be revoked by another user, and bad input gets a clear 4xx", async () => {
    const owner = await signedInUser("analyst");
    const other = await signedInUser("admin");
    const [{ id }] = await query<{ id: number }>(`SELECT id FROM api_token WHERE user_id = $1`, [owner.user.id]);
    expect((await revoke(id, withCookie(other.cookie))).status).toBe(404);
    expect((await listSources(new Request(`${BASE}/api/sources`, withToken(owner.token)))).status).toBe(200);
    expect((await revoke("abc", withCookie(owner.cookie))).status).toBe(404);

    const unnamed = await createToken(owner.cookie, { name: "   " });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({ error: "bad_request" });
    const notJson = await createTokenRoute(new Request(`${BASE}/api/tokens`, withCookie(owner.cookie, { method: "POST", headers: { "content-type": "application/json" }, body: "{" })));
    expect(notJson.status).toBe(400);
  });

  it("refuses malformed, unknown or wrongly prefixed Bearer tokens with 401", async () => {
    for (const authorization of ["Bearer", "Basic abc", "Bearer vigie_unknown", "Bearer nope"]) {
      const response = await listSources(new Request(`${BASE}/api/sources`, { headers: { authorization } }));
      expect(response.status, authorization).toBe(401);
    }
  });
});
