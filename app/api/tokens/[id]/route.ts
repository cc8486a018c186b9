import { NextResponse } from "next/server";
import { parseId } from "@/lib/auth/api-input";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { revokeApiToken } from "@/lib/auth/tokens";
import { errorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** Revokes one of the caller's tokens (a token may revoke itself: that is how a leaked one is killed). */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["DELETE /api/tokens/[id]"]);
    const id = parseId((await params).id, "Token");
    await revokeApiToken(user, id, { ip: requestIp(request) });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
