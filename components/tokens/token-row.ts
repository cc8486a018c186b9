import type { ApiTokenSummary } from "@/lib/auth/tokens";

/** A token as the (client) tokens table receives it: dates as ISO strings. */
export type TokenRow = {
  id: number;
  name: string;
  prefix: string;
  scope: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  owner?: string;
};

export function toTokenRow(token: ApiTokenSummary): TokenRow {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
