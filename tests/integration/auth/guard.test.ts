import { beforeEach, describe, expect, it } from "vitest";
import { GET as listTokens } from "@/app/api/tokens/route";
import { requireApiUser } from "@/lib/auth/guard";
import { resetUserPassword, setUserDisabled, updateUserRole } from "@/lib/auth/users";
import { AppError } from "@/lib/errors/app-error";
import { resetDatabase } from "../db";
import { sessionCookie, signedInUser, withCookie, withToken } from "../session";

const URL_BASE = "http://localhost:3000";

beforeEach(() => resetDatabase());

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "accepted";
}

describe("requireApiUser", () => {
  it("accepts a valid session cookie and returns the user from the database", async () => {
    const analyst = await signedInUser("analyst");
    const user = await requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(analyst.cookie)), "analyst");
    expect(user).toEqual({ ...analyst.user, locale: null });
  });

  it("refuses anonymous requests, forged cookies and expired sessions with unauthorized", async () => {
    const viewer = await signedInUser("viewer");
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`)))).toBe("unauthorized");
    const forged = viewer.cookie.replace(/=(.{10})/, "=AAAAAAAAAA");
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(forged))))).toBe("unauthorized");
    const expired = await sessionCookie(viewer.user.id, { maxAge: -60 });
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(expired))))).toBe("unauthorized");
  });

  it("ends a session 8 hours after sign-in even when its cookie was re-issued with a later expiry", async () => {
    const viewer = await signedInUser("viewer");
    const nineHoursAgo = Math.floor(Date.now() / 1000) - 9 * 3600;
    const refreshed = await sessionCookie(viewer.user.id, { signedInAt: nineHoursAgo, maxAge: 3600 });
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(refreshed))))).toBe("unauthorized");
    const sevenHoursAgo = Math.floor(Date.now() / 1000) - 7 * 3600;
    const recent = await sessionCookie(viewer.user.id, { signedInAt: sevenHoursAgo, maxAge: 3600 });
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(recent))))).toBe("accepted");
  });

  it("refuses a role that is too low with forbidden", async () => {
    const viewer = await signedInUser("viewer");
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(viewer.cookie)), "analyst"))).toBe("forbidden");
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withToken(viewer.token)), "admin"))).toBe("forbidden");
  });

  it("applies a role change at the next request: the old session ends, a new one has the new role", async () => {
    const admin = await signedInUser("admin");
    const analyst = await signedInUser("analyst");
    await updateUserRole(analyst.user.id, "viewer", { actor: admin.user });
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(analyst.cookie)), "viewer"))).toBe("unauthorized");
    const fresh = await sessionCookie(analyst.user.id);
    expect(await refusal(requireApiUser(new Request(`${URL_BASE}/api/x`, withCookie(fresh)), "analyst"))).toBe("forbidden");
  });

  it("refuses cookie-authenticated writes from another origin, but not reads or same-origin writes", async () => {
    const analyst = await signedInUser("analyst");
    const post = (origin: string) =>
      new Request(`${URL_BASE}/api/x`, withCookie(analyst.cookie, { method: "POST", headers: { origin, host: "localhost:3000" } }));
    expect(await refusal(requireApiUser(post("https://evil.example")))).toBe("forbidden");
    expect(await refusal(requireApiUser(post("null")))).toBe("forbidden");
    expect(await refusal(requireApiUser(post("http://localhost:3000")))).toBe("accepted");
    const crossSiteRead = new Request(`${URL_BASE}/api/x`, withCookie(analyst.cookie, { headers: { origin: "https://evil.example" } }));
    expect(await refusal(requireApiUser(crossSiteRead))).toBe("accepted");
  });
});

describe("disabled users", () => {
  it("stop working at the next request: session cookie and API token alike", async () => {
    const admin = await signedInUser("admin");
    const analyst = await signedInUser("analyst");
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withCookie(analyst.cookie)))).status).toBe(200);
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withToken(analyst.token)))).status).toBe(200);

    await setUserDisabled(analyst.user.id, true, { actor: admin.user });

    const byCookie = await listTokens(new Request(`${URL_BASE}/api/tokens`, withCookie(analyst.cookie)));
    expect(byCookie.status).toBe(401);
    expect(await byCookie.json()).toMatchObject({ error: "unauthorized" });
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withToken(analyst.token)))).status).toBe(401);

    // Re-enabling revives neither: the user signs in again and makes new tokens.
    await setUserDisabled(analyst.user.id, false, { actor: admin.user });
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withCookie(analyst.cookie)))).status).toBe(401);
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withToken(analyst.token)))).status).toBe(401);
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withCookie(await sessionCookie(analyst.user.id))))).status).toBe(200);
  });

  it("a password reset ends the sessions opened with the old password", async () => {
    const admin = await signedInUser("admin");
    const viewer = await signedInUser("viewer");
    await resetUserPassword(viewer.user.id, "a brand new password", { actor: admin.user });
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withCookie(viewer.cookie)))).status).toBe(401);
    const fresh = await sessionCookie(viewer.user.id);
    expect((await listTokens(new Request(`${URL_BASE}/api/tokens`, withCookie(fresh)))).status).toBe(200);
  });
});
