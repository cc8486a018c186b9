import { beforeEach, describe, expect, it } from "vitest";
import { authenticate, TooManyAttemptsError } from "@/lib/auth/login";
import { ACCOUNT_ADDRESS_LIMITS, ACCOUNT_LIMITS, ADDRESS_LIMITS, MAX_DELAY_MS } from "@/lib/auth/throttle";
import { setUserDisabled } from "@/lib/auth/users";
import { query, resetDatabase } from "../db";
import { signedInUser, TEST_PASSWORD } from "../session";

beforeEach(() => resetDatabase());

/** Records the delays instead of waiting them, so the test can check the slowing without sleeping. */
function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

async function attempt(email: string, password: string, ip: string, sleep = recorder().sleep) {
  try {
    return (await authenticate({ email, password, ip }, { sleep })) ? "ok" : "refused";
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return "throttled";
    throw error;
  }
}

describe("sign-in", () => {
  it("accepts the right password (email case-insensitive) and records the success in the audit trail", async () => {
    const { user } = await signedInUser("analyst", "Ana@Example.org".toLowerCase());
    const result = await authenticate({ email: " ANA@example.ORG ", password: TEST_PASSWORD, ip: "10.0.0.1" });
    expect(result).toMatchObject({ id: user.id, email: "ana@example.org", role: "analyst" });
    const audit = await query(`SELECT action, user_id, ip FROM audit_event WHERE action LIKE 'auth.%'`);
    expect(audit).toEqual([{ action: "auth.login", user_id: user.id, ip: "10.0.0.1" }]);
  });

  it("gives one answer for a wrong password, an unknown account and a disabled account, and audits each reason", async () => {
    const active = await signedInUser("viewer");
    const disabled = await signedInUser("viewer");
    await setUserDisabled(disabled.user.id, true);
    expect(await authenticate({ email: active.user.email, password: "wrong password!", ip: "10.0.0.2" })).toBeNull();
    expect(await authenticate({ email: "nobody@example.org", password: TEST_PASSWORD, ip: "10.0.0.2" })).toBeNull();
    expect(await authenticate({ email: disabled.user.email, password: TEST_PASSWORD, ip: "10.0.0.2" })).toBeNull();
    expect(await authenticate({ email: undefined, password: undefined, ip: "10.0.0.2" })).toBeNull();
    const audit = await query<{ action: string; reason: string }>(
      `SELECT action, details->>'reason' AS reason FROM audit_event WHERE action = 'auth.login_failed' ORDER BY id`,
    );
    expect(audit.map((row) => row.reason)).toEqual(["wrong_password", "unknown_account", "disabled", "malformed"]);
  });
});

describe("throttling", () => {
  it("slows repeated failures on one account from many addresses, then refuses them for a while", async () => {
    const { user } = await signedInUser("viewer");
    const { delays, sleep } = recorder();
    const outcomes: string[] = [];
    for (let index = 0; index < ACCOUNT_LIMITS.blockAt + 2; index++) {
      outcomes.push(await attempt(user.email, "wrong password!", `10.1.0.${index}`, sleep));
    }
    expect(outcomes).toEqual([...Array(ACCOUNT_LIMITS.blockAt).fill("refused"), "throttled", "throttled"]);
    // No delay for the first failures, then growing delays up to the cap.
    expect(delays.length).toBe(ACCOUNT_LIMITS.blockAt - ACCOUNT_LIMITS.slowAfter);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[0]).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_DELAY_MS);
    // Refused even with the right password, from an address that never signed in to this account.
    expect(await attempt(user.email, TEST_PASSWORD, "10.1.9.9")).toBe("throttled");
    const throttled = await query(`SELECT 1 FROM audit_event WHERE action = 'auth.login_throttled'`);
    // One throttled row and audit event per address per window, however often a refused client retries.
    expect(throttled).toHaveLength(3);
    expect(await attempt(user.email, TEST_PASSWORD, "10.1.9.9")).toBe("throttled");
    expect(await query(`SELECT 1 FROM audit_event WHERE action = 'auth.login_throttled'`)).toHaveLength(3);
  });

  it("refuses a guesser on one account from one address early, while the owner elsewhere still signs in", async () => {
    const { user } = await signedInUser("viewer");
    const outcomes: string[] = [];
    for (let index = 0; index < ACCOUNT_ADDRESS_LIMITS.blockAt + 1; index++) outcomes.push(await attempt(user.email, "wrong password!", "203.0.113.50"));
    expect(outcomes).toEqual([...Array(ACCOUNT_ADDRESS_LIMITS.blockAt).fill("refused"), "throttled"]);
    expect(await attempt(user.email, TEST_PASSWORD, "203.0.113.50")).toBe("throttled");
    expect(await attempt(user.email, TEST_PASSWORD, "198.51.100.60")).toBe("ok");
  });

  it("counts a burst of concurrent wrong passwords one by one: no more than the limit reach the password check", async () => {
    const { user } = await signedInUser("viewer");
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => attempt(user.email, "wrong password!", "203.0.113.77")));
    expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(ACCOUNT_ADDRESS_LIMITS.blockAt);
    expect(outcomes.filter((outcome) => outcome === "throttled")).toHaveLength(30 - ACCOUNT_ADDRESS_LIMITS.blockAt);
    const checked = await query(`SELECT 1 FROM audit_event WHERE action = 'auth.login_failed'`);
    expect(checked).toHaveLength(ACCOUNT_ADDRESS_LIMITS.blockAt);
  });

  it("refuses one address that fails on many accounts, without blocking anyone else", async () => {
    const { user } = await signedInUser("analyst");
    const outcomes: string[] = [];
    for (let index = 0; index < ADDRESS_LIMITS.blockAt + 1; index++) {
      outcomes.push(await attempt(`guess${index}@example.org`, "wrong password!", "203.0.113.7"));
    }
    expect(outcomes.at(-1)).toBe("throttled");
    expect(outcomes.filter((outcome) => outcome === "refused")).toHaveLength(ADDRESS_LIMITS.blockAt);
    expect(await attempt(user.email, TEST_PASSWORD, "203.0.113.7")).toBe("throttled");
    expect(await attempt(user.email, TEST_PASSWORD, "198.51.100.4")).toBe("ok");
  });

  it("does not lock the owner out of an attacked account from an address they signed in from before", async () => {
    const { user } = await signedInUser("analyst");
    expect(await attempt(user.email, TEST_PASSWORD, "192.0.2.10")).toBe("ok");
    for (let index = 0; index < ACCOUNT_LIMITS.blockAt + 1; index++) await attempt(user.email, "wrong password!", `203.0.113.${index}`);
    expect(await attempt(user.email, TEST_PASSWORD, "203.0.113.200")).toBe("throttled");
    const { delays, sleep } = recorder();
    expect(await attempt(user.email, TEST_PASSWORD, "192.0.2.10", sleep)).toBe("ok");
    expect(delays).toEqual([]);
  });

  it("a success resets the account's count, and failures leave the window after 15 minutes", async () => {
    const { user } = await signedInUser("viewer");
    for (let index = 0; index < ACCOUNT_ADDRESS_LIMITS.blockAt - 1; index++) await attempt(user.email, "wrong password!", "10.2.0.1");
    expect(await attempt(user.email, TEST_PASSWORD, "10.2.0.1")).toBe("ok");
    for (let index = 0; index < ACCOUNT_ADDRESS_LIMITS.blockAt - 1; index++) {
      expect(await attempt(user.email, "wrong password!", "10.2.0.1")).toBe("refused");
    }
    // Age every attempt past the window: the account is free again.
    await query(`UPDATE login_attempt SET created_at = created_at - interval '16 minutes'`);
    for (let index = 0; index < ACCOUNT_ADDRESS_LIMITS.blockAt; index++) await attempt(user.email, "wrong password!", "10.2.0.4");
    expect(await attempt(user.email, TEST_PASSWORD, "10.2.0.4")).toBe("throttled");
    await query(`UPDATE login_attempt SET created_at = created_at - interval '16 minutes'`);
    expect(await attempt(user.email, TEST_PASSWORD, "10.2.0.4")).toBe("ok");
  });
});
