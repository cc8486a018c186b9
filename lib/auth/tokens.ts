/**
 * Personal API tokens for scripts. A token is 32 random bytes shown once at creation; only its SHA-256
 * is stored (a fast hash is enough for 256 bits of randomness, and lets every request look it up by
 * index). A token acts with its owner's current role, or only reads when its scope is "read" (the guard
 * refuses its mutations); it stops working at its expiry, when revoked, or when its owner is disabled,
 * changes role or gets a new password (lib/auth/users.ts revokes the owner's tokens then).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { keyedError } from "@/lib/errors/keyed";
import type { SessionUser } from "./types";

export const TOKEN_SCOPES = ["read", "read-write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
const toDb = { read: "read", "read-write": "read_write" } as const;
const fromDb = { read: "read", read_write: "read-write" } as const;
export const MAX_TOKEN_DAYS = 365;

/** Recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = "vigie_";
export const MAX_ACTIVE_TOKENS = 20;
// lastUsedAt is informative: writing it at most once a minute keeps token requests from becoming writes.
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenSummary = {
  id: number;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type ApiTokenWithOwner = ApiTokenSummary & { owner: { id: number; email: string } };

export const tokenNameSchema = z.string().trim().min(1, "Give the token a name").max(100, "Name must be at most 100 characters");

/** What a token may do and for how long; both optional: read-write and no expiry, as before scopes existed. */
export const tokenOptionsSchema = z.strictObject({
  scope: z.enum(TOKEN_SCOPES, "scope: give read or read-write").optional(),
  expiresInDays: z.number().int("expiresInDays: a whole number of days").min(1).max(MAX_TOKEN_DAYS).nullish(),
});
export type TokenOptions = z.input<typeof tokenOptionsSchema>;

const summarySelect = { id: true, name: true, prefix: true, scope: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } as const;

function summary<T extends { scope: keyof typeof fromDb }>(row: T): Omit<T, "scope"> & { scope: TokenScope } {
  return { ...row, scope: fromDb[row.scope] };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(
  userId: number,
  name: string,
  context: { ip?: string | null } = {},
  options: TokenOptions = {},
): Promise<{ token: string; id: number; prefix: string; scope: TokenScope; expiresAt: Date | null }> {
  const tokenName = tokenNameSchema.parse(name);
  const { scope = "read-write", expiresInDays } = tokenOptionsSchema.parse(options);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 3600_000) : null;
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  const id = await prisma.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, disabled: true } });
    if (!owner || owner.disabled) throw new AppError("not_found", `User ${userId} does not exist or is disabled`);
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
    if (active >= MAX_ACTIVE_TOKENS) throw new AppError("conflict", `At most ${MAX_ACTIVE_TOKENS} active tokens: revoke one first`);
    const created = await tx.apiToken.create({
      data: { userId, name: tokenName, tokenHash: hashApiToken(token), prefix, scope: toDb[scope], expiresAt },
      select: { id: true },
    });
    await recordAudit(
      { user: owner, ip: context.ip, action: "token.create", targetType: "api_token", targetId: created.id, details: { name: tokenName, prefix, scope, expiresAt } },
      tx,
    );
    return created.id;
  });
  return { token, id, prefix, scope, expiresAt };
}

const ORDER = [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] as const;

export async function listApiTokens(userId: number): Promise<ApiTokenSummary[]> {
  const rows = await prisma.apiToken.findMany({ where: { userId }, select: summarySelect, orderBy: [...ORDER] });
  return rows.map(summary);
}

/** Every user's tokens, for admins: a leaked token is revoked without waiting for its owner. */
export async function listAllApiTokens(limit = 1000): Promise<ApiTokenWithOwner[]> {
  const rows = await prisma.apiToken.findMany({
    select: { ...summarySelect, user: { select: { id: true, email: true } } },
    orderBy: [...ORDER],
    take: limit,
  });
  return rows.map(({ user, ...row }) => ({ ...summary(row), owner: user }));
}

/**
 * Revokes a token: one of the caller's own, or anyone's when `anyOwner` (admins). Revoking twice is
 * harmless; a token the caller may not revoke is "not found", so ids of other users' tokens leak nothing.
 */
export async function revokeApiToken(user: SessionUser, tokenId: number, context: { ip?: string | null; anyOwner?: boolean } = {}): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, ...(context.anyOwner ? {} : { userId: user.id }) },
      select: { id: true, name: true, prefix: true, revokedAt: true, userId: true },
    });
    if (!token) throw keyedError("not_found", "idNotFound", { what: "token", id: tokenId });
    if (token.revokedAt) return;
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    const owner = token.userId === user.id ? {} : { ownerId: token.userId };
    await recordAudit(
      { user, ip: context.ip, action: "token.revoke", targetType: "api_token", targetId: tokenId, details: { name: token.name, prefix: token.prefix, ...owner } },
      tx,
    );
  });
}

/** The token's owner and scope, or null when the token is unknown, expired, revoked, or its owner disabled. */
export async function findUserByApiToken(token: string): Promise<{ user: SessionUser; scope: TokenScope } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true, locale: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { disabled: _disabled, ...user } = row.user;
  return { user, scope: fromDb[row.scope] };
}
