import { NextResponse } from "next/server";
import { parseId } from "@/lib/auth/api-input";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { revokeApiToken } from "@/lib/auth/tokens";
import { errorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** Revokes anyone's token (audited with its owner). */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const admin = await requireApiUser(request, ROUTE_ROLES["DELETE /api/admin/tokens/[id]"]);
    await revokeApiToken(admin, parseId((await params).id, "Token"), { ip: requestIp(request), anyOwner: true });
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
