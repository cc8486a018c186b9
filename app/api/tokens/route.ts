import { NextResponse } from "next/server";
import { tokenInputSchema } from "@/lib/auth/api-input";
import { requestIp } from "@/lib/auth/guard";
import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** The caller's own tokens (never the secret: only its first characters). */
export const GET = apiRoute("GET /api/tokens", {}, async ({ user }) =>
  NextResponse.json({ tokens: await listApiTokens(user.id) }, { headers: { "Cache-Control": "no-store" } }),
);

/**
 * Creates a token (`{ name, scope?: "read" | "read-write", expiresInDays? }`) and returns it, the only time
 * it is ever shown. From a signed-in session only: a leaked token must not be able to mint more tokens.
 */
export const POST = apiRoute("POST /api/tokens", { sessionOnly: true, body: tokenInputSchema }, async ({ request, user, body: { name, ...options } }) => {
  const created = await createApiToken(user.id, name, { ip: requestIp(request) }, options);
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
