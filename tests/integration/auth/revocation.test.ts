/**
 * Ending credentials: sign-out, a password reset, a role change and disabling end sessions (including a
 * copy of the cookie taken before) and API tokens; re-enabling revives none of them. Token scopes and
 * expiry, and admins revoking anyone's token.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { GET as listAllTokens } from "@/app/api/admin/tokens/route";
import { DELETE as adminRevoke } from "@/app/api/admin/tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/tokens/route";
import { POST as createView } from "@/app/api/views/route";
import { requireApiUser } from "@/lib/auth/guard";
import { authOptions } from "@/lib/auth/options";
import { createApiToken } from "@/lib/auth/tokens";
import { resetUserPassword, setUserDisabled, updateUserRole } from "@/lib/auth/users";
import { AppError } from "@/lib/errors/app-error";
import { query, resetDatabase } from "../db";
import { sessionCookie, signedInUser, withCookie, withToken, type Caller } from "../session";

const URL_BASE = "http://localhost:3000";

beforeEach(() => resetDatabase());

async function outcome(init: RequestInit, method = "GET"): Promise<string> {
  try {
    await requireApiUser(new Request(`${URL_BASE}/api/x`, { ...init, method }), "viewer");
    return "accepted";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

async function bothRefused(caller: Caller) {
  expect(await outcome(withCookie(caller.cookie))).toBe("unauthorized");
  expect(await outcome(withToken(caller.token))).toBe("unauthorized");
}

describe("ending sessions and tokens", () => {
  it("sign-out ends every session of the user, including a copy of the cookie taken before", async () => {
    const viewer = await signedInUser("viewer");
    const copy = viewer.cookie;
    const [row] = await query<{ session_generation: number }>(`SELECT session_generation FROM "user" WHERE id = $1`, [viewer.user.id]);
    await authOptions.events!.signOut!({ token: { sub: String(viewer.user.id), gen: row.session_generation }, session: null as never });
    expect(await outcome(withCookie(copy))).toBe("unauthorized");
    // A script's token outlives a browser sign-out; a new sign-in works.
    expect(await outcome(withToken(viewer.token))).toBe("accepted");
    expect(await outcome(withCookie(await sessionCookie(viewer.user.id)))).toBe("accepted");
    expect(await query(`SELECT 1 FROM audit_event WHERE action = 'auth.logout'`)).toHaveLength(1);
  });

  it("a password reset ends sessions and API tokens", async () => {
    const analyst = await signedInUser("analyst");
    await resetUserPassword(analyst.user.id, "a brand new password 42");
    await bothRefused(analyst);
  });

  it("a role change ends sessions and API tokens", async () => {
    const analyst = await signedInUser("analyst");
    await updateUserRole(analyst.user.id, "viewer");
    await bothRefused(analyst);
  });

  it("disabling ends sessions and tokens, and re-enabling revives none of them", async () => {
    const viewer = await signedInUser("viewer");
    await setUserDisabled(viewer.user.id, true);
    await setUserDisabled(viewer.user.id, false);
    await bothRefused(viewer);
    const tokens = await query<{ revoked_at: Date | null }>(`SELECT revoked_at FROM api_token WHERE user_id = $1`, [viewer.user.id]);
    expect(tokens.every((token) => token.revoked_at !== null)).toBe(true);
  });

  it("next-auth's own session endpoint does not renew an ended session", async () => {
    const viewer = await signedInUser("viewer");
    const jwt = authOptions.callbacks!.jwt!;
    const token = { sub: String(viewer.user.id), gen: 0 };
    await expect(jwt({ token, account: null } as never)).resolves.toMatchObject({ sub: token.sub });
    await resetUserPassword(viewer.user.id, "a brand new password 42");
    await expect(jwt({ token, account: null } as never)).rejects.toThrow(/Session ended/);
  });
});

describe("token scope and expiry", () => {
  it("a read token reads but is refused on every mutation", async () => {
    const viewer = await signedInUser("viewer");
    const { token } = await createApiToken(viewer.user.id, "reader", {}, { scope: "read" });
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withToken(token)))).status).toBe(200);
    const body = JSON.stringify({ name: "mine", query: "country=ML" });
    const response = await createView(new Request(`${URL_BASE}/api/views`, withToken(token, { method: "POST", body, headers: { "content-type": "application/json" } })));
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/read-only/);
    expect(await query(`SELECT 1 FROM saved_view`)).toHaveLength(0);
  });

  it("an expired token is refused; scope and expiry are set through the API and validated", async () => {
    const viewer = await signedInUser("viewer");
    const post = (body: unknown) =>
      createToken(new Request(`${URL_BASE}/api/tokens`, withCookie(viewer.cookie, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } })));
    const created = await post({ name: "short", scope: "read", expiresInDays: 1 });
    expect(created.status).toBe(201);
    const { token, scope, expiresAt } = await created.json();
    expect(scope).toBe("read");
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await outcome(withToken(token))).toBe("accepted");
    await query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE prefix = $1`, [token.slice(0, 12)]);
    expect(await outcome(withToken(token))).toBe("unauthorized");
    expect((await post({ name: "x", scope: "admin" })).status).toBe(400);
    expect((await post({ name: "x", expiresInDays: 0 })).status).toBe(400);
  });
});

describe("admins and everyone's tokens", () => {
  it("an admin lists and revokes another user's token; an analyst cannot", async () => {
    const admin = await signedInUser("admin");
    const analyst = await signedInUser("analyst");
    const list = await listAllTokens(new Request(`${URL_BASE}/api/admin/tokens`, withCookie(admin.cookie)));
    const { tokens } = await list.json();
    const target = tokens.find((token: { owner: { id: number } }) => token.owner.id === analyst.user.id);
    expect(target).toMatchObject({ name: "test", scope: "read-write", revokedAt: null });
    expect(JSON.stringify(tokens)).not.toContain(analyst.token);

    const forbidden = await adminRevoke(new Request(`${URL_BASE}/api/admin/tokens/${target.id}`, withCookie(analyst.cookie, { method: "DELETE" })), {
      params: Promise.resolve({ id: String(target.id) }),
    });
    expect(forbidden.status).toBe(403);
    expect(await outcome(withToken(analyst.token))).toBe("accepted");

    const revoked = await adminRevoke(new Request(`${URL_BASE}/api/admin/tokens/${target.id}`, withCookie(admin.cookie, { method: "DELETE" })), {
      params: Promise.resolve({ id: String(target.id) }),
    });
    expect(revoked.status).toBe(204);
    expect(await outcome(withToken(analyst.token))).toBe("unauthorized");
    const audit = await query<{ user_id: number; owner: string }>(`SELECT user_id, details->>'ownerId' AS owner FROM audit_event WHERE action = 'token.revoke'`);
    expect(audit).toEqual([{ user_id: admin.user.id, owner: String(analyst.user.id) }]);
  });
});
