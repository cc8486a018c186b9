import { NextResponse } from "next/server";
import { countUnreadAlerts, markAlertsRead } from "@/lib/alerts/queries";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** `POST /api/alerts/read` with `{ "ids": [...] }` or `{ "all": true }`. */
export async function POST(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/alerts/read"]);
    const marked = await markAlertsRead(user, await readJsonBody(request));
    return NextResponse.json({ marked, unread: await countUnreadAlerts(user) });
  } catch (error) {
    return errorResponse(error);
  }
}
