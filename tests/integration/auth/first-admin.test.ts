import { beforeEach, describe, expect, it } from "vitest";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { authenticate } from "@/lib/auth/login";
import { query, resetDatabase } from "../db";
import { signedInUser } from "../session";

beforeEach(() => resetDatabase());

describe("first start", () => {
  it("creates an admin with a random password when there is no user, and prints it once", async () => {
    const lines: string[] = [];
    const created = await ensureFirstAdmin((line) => lines.push(line));
    expect(created).not.toBeNull();
    const { email, password } = created!;
    const output = lines.join("\n");
    expect(output).toContain(email);
    expect(output).toContain(password);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const users = await query<{ email: string; role: string; password_hash: string }>(`SELECT email, role, password_hash FROM "user"`);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email, role: "admin" });
    expect(users[0].password_hash).not.toContain(password);
    expect(await authenticate({ email, password, ip: "127.0.0.1" })).toMatchObject({ role: "admin" });
  });

  it("does nothing, and prints nothing, once any user exists", async () => {
    await ensureFirstAdmin(() => {});
    const lines: string[] = [];
    expect(await ensureFirstAdmin((line) => lines.push(line))).toBeNull();
    expect(lines).toEqual([]);
    expect(await query(`SELECT 1 FROM "user"`)).toHaveLength(1);
  });

  it("does not create an admin when other users exist", async () => {
    await signedInUser("viewer");
    expect(await ensureFirstAdmin(() => {})).toBeNull();
    expect(await query(`SELECT 1 FROM "user" WHERE role = 'admin'`)).toHaveLength(0);
  });

  it("uses a different random password on every fresh database", async () => {
    const first = await ensureFirstAdmin(() => {});
    await resetDatabase();
    const second = await ensureFirstAdmin(() => {});
    expect(first!.password).not.toBe(second!.password);
  });
});
