/**
 * Password hashing with argon2id (OWASP's first choice): slow and memory-hard, with a random salt in
 * every hash. The parameters are OWASP's minimum recommendation (19 MiB, 2 passes), a login takes ~30 ms.
 */
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// `Algorithm` is a const enum, which isolated modules cannot inline: 2 is Algorithm.Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed hash: a corrupt row must not become a 500 at login. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification when the account does not exist, so response times do
 * not tell an attacker which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("vigie-timing-equaliser-not-a-password");
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * A short fingerprint of the stored hash, carried in the session token: resetting a password changes it,
 * which ends every session opened with the old password.
 */
export function passwordFingerprint(passwordHash: string): string {
  return createHash("sha256").update(passwordHash).digest("base64url").slice(0, 16);
}

/** A random password for first start and resets: 18 bytes, 24 URL-safe characters, handed over once. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
