import { NextResponse } from "next/server";
import { requestIp } from "@/lib/auth/guard";
import { revokeApiToken } from "@/lib/auth/tokens";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** Revokes one of the caller's tokens (a token may revoke itself: that is how a leaked one is killed). */
export const DELETE = apiRoute("DELETE /api/tokens/[id]", { params: idParams({ notFound: "token" }) }, async ({ request, user, params }) => {
  await revokeApiToken(user, params.id, { ip: requestIp(request) });
  return new NextResponse(null, { status: 204 });
});
