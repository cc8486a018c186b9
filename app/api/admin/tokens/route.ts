import { NextResponse } from "next/server";
import { listAllApiTokens } from "@/lib/auth/tokens";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** Every user's tokens with their owner (never the secret: only its first characters). */
export const GET = apiRoute("GET /api/admin/tokens", {}, async () =>
  NextResponse.json({ tokens: await listAllApiTokens() }, { headers: { "Cache-Control": "no-store" } }),
);
