import { NextResponse } from "next/server";
import { listDeliveries } from "@/lib/alerts/queries";
import { parseId } from "@/lib/auth/api-input";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** `GET /api/watches/:id/deliveries`: every attempt to e-mail or call the webhook of a watch, newest first. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/watches/[id]/deliveries"]);
    return NextResponse.json({ deliveries: await listDeliveries(user, parseId((await context.params).id, "Watch")) });
  } catch (error) {
    return errorResponse(error);
  }
}
