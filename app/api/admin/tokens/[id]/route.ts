import { NextResponse } from "next/server";
import { requestIp } from "@/lib/auth/guard";
import { revokeApiToken } from "@/lib/auth/tokens";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** Revokes anyone's token (audited with its owner). */
export const DELETE = apiRoute("DELETE /api/admin/tokens/[id]", { params: idParams({ notFound: "token" }) }, async ({ request, user, params }) => {
  await revokeApiToken(user, params.id, { ip: requestIp(request), anyOwner: true });
  return new NextResponse(null, { status: 204 });
});
