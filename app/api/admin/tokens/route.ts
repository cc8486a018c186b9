import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { listAllApiTokens } from "@/lib/auth/tokens";
import { errorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** Every user's tokens with their owner (never the secret: only its first characters). */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/admin/tokens"]);
    return NextResponse.json({ tokens: await listAllApiTokens() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
