import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, passwordFingerprint, passwordSchema, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("hashes with argon2id and OWASP's minimum parameters", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain("correct horse");
  });

  it("salts every hash: the same password twice gives two different hashes", async () => {
    const [first, second] = await Promise.all([hashPassword("same password here"), hashPassword("same password here")]);
    expect(first).not.toBe(second);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(hash, "Correct horse battery staple")).toBe(false);
  });

  it("answers false, not an exception, for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
  });

  it("spends a real verification on unknown accounts and still refuses", async () => {
    expect(await verifyAgainstDummy("vigie-timing-equaliser-not-a-password")).toBe(false);
  });

  it("changes the session fingerprint when the password changes", async () => {
    const oldHash = await hashPassword("first password 1");
    const newHash = await hashPassword("second password 2");
    const before = passwordFingerprint(oldHash);
    expect(before).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // The same stored hash always gives the same fingerprint, so sessions survive until the password changes.
    expect(passwordFingerprint(oldHash)).toBe(before);
    expect(passwordFingerprint(newHash)).not.toBe(before);
  });

  it("requires at least 10 characters and accepts generated passwords", () => {
    expect(passwordSchema.safeParse("short").success).toBe(false);
    expect(passwordSchema.safeParse("long enough pw").success).toBe(true);
    const generated = generatePassword();
    expect(generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(passwordSchema.safeParse(generated).success).toBe(true);
    expect(generatePassword()).not.toBe(generated);
  });
});
