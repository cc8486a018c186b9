/**
 * Secrets a newcomer should not have to invent: when NEXTAUTH_SECRET is unset, `npm start` generates a
 * random one once and keeps it under .data/, so sessions survive restarts. Production deployments set
 * their own (the configuration refuses a weak one).
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { env } from "./env";

export function ensureAuthSecret(file = resolve(".data/nextauth-secret")): string {
  const configured = env().NEXTAUTH_SECRET;
  if (configured) return configured;
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
  const secret = readFileSync(file, "utf8").trim();
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
