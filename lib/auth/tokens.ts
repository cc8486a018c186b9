/**
 * Personal API tokens for scripts. A token is 32 random bytes shown once at creation; only its SHA-256
 * is stored (a fast hash is enough for 256 bits of randomness, and lets every request look it up by
 * index). A token acts with its owner's current role and stops working when the owner is disabled.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { SessionUser } from "./types";

/** Recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = "vigie_";
export const MAX_ACTIVE_TOKENS = 20;
// lastUsedAt is informative: writing it at most once a minute keeps token requests from becoming writes.
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenSummary = {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const tokenNameSchema = z.string().trim().min(1, "Give the token a name").max(100, "Name must be at most 100 characters");

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(
  userId: number,
  name: string,
  context: { ip?: string | null } = {},
): Promise<{ token: string; id: number; prefix: string }> {
  const tokenName = tokenNameSchema.parse(name);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const id = await prisma.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, disabled: true } });
    if (!owner || owner.disabled) throw new AppError("not_found", `User ${userId} does not exist or is disabled`);
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) throw new AppError("conflict", `At most ${MAX_ACTIVE_TOKENS} active tokens: revoke one first`);
    const created = await tx.apiToken.create({ data: { userId, name: tokenName, tokenHash: hashApiToken(token), prefix }, select: { id: true } });
    await recordAudit(
      { user: owner, ip: context.ip, action: "token.create", targetType: "api_token", targetId: created.id, details: { name: tokenName, prefix } },
      tx,
    );
    return created.id;
  });
  return { token, id, prefix };
}

export function listApiTokens(userId: number): Promise<ApiTokenSummary[]> {
  return prisma.apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Revokes one of the user's own tokens. Revoking twice is harmless; someone else's token is "not found". */
export async function revokeApiToken(user: SessionUser, tokenId: number, context: { ip?: string | null } = {}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: user.id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!token) throw new AppError("not_found", `Token ${tokenId} does not exist`);
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAudit(
      { user, ip: context.ip, action: "token.revoke", targetType: "api_token", targetId: tokenId, details: { name: token.name, prefix: token.prefix } },
      tx,
    );
  });
}

/** The token's owner, or null when the token is unknown, revoked, or its owner disabled. */
export async function findUserByApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { disabled: _disabled, ...user } = row.user;
  return user;
}
