import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { tokenInputSchema } from "@/lib/auth/api-input";
import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { AppError, errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** The caller's own tokens (never the secret: only its first characters). */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/tokens"]);
    return NextResponse.json({ tokens: await listApiTokens(user.id) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Creates a token (`{ name, scope?: "read" | "read-write", expiresInDays? }`) and returns it, the only time it is ever shown. */
export async function POST(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/tokens"]);
    // A leaked token must not be able to mint more tokens: that needs a signed-in session.
    if (request.headers.has("authorization")) throw new AppError("forbidden", "Create tokens from a signed-in session, not with a token");
    const { name, ...options } = tokenInputSchema.parse(await readJsonBody(request));
    const created = await createApiToken(user.id, name, { ip: requestIp(request) }, options);
    return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
