/**
 * First start: when there is no user at all, create an admin with a random password and print it once.
 * There is no default password anywhere; a lost one is replaced with `npm run user -- reset-password`.
 */
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { generatePassword } from "./password";
import { createUser } from "./users";

export const FIRST_ADMIN_EMAIL = "admin@vigie.local";

export async function ensureFirstAdmin(log: (line: string) => void, email = env().VIGIE_ADMIN_EMAIL ?? FIRST_ADMIN_EMAIL): Promise<{ email: string; password: string } | null> {
  if ((await prisma.user.count()) > 0) return null;
  const password = generatePassword();
  try {
    await createUser({ email, password, role: "admin", name: "Administrator" });
  } catch (error) {
    // Two processes starting at once: the other one created the admin and printed its password.
    if ((await prisma.user.count()) > 0) return null;
    throw error;
  }
  log("");
  log("  First start: created an administrator account. Sign in with:");
  log(`    email:    ${email}`);
  log(`    password: ${password}`);
  log("  It is shown only once. To replace it later:");
  log(`    printf %s "$NEW_PASSWORD" | npm run --silent user -- reset-password --email ${email} --password-stdin`);
  log("");
  return { email, password };
}
