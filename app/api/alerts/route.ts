import { NextResponse } from "next/server";
import { countUnreadAlerts, listAlerts } from "@/lib/alerts/queries";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { AppError, errorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** `GET /api/alerts[?unread=1]`: the caller's inbox, newest first, with the unread count. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/alerts"]);
    const params = new URL(request.url).searchParams;
    for (const key of params.keys()) if (key !== "unread") throw new AppError("bad_request", `${key}: unknown parameter (known: unread)`);
    const unread = params.get("unread");
    if (unread !== null && unread !== "1" && unread !== "0") throw new AppError("bad_request", "unread: must be 1 or 0");
    const [alerts, unreadCount] = await Promise.all([listAlerts(user, { unreadOnly: unread === "1" }), countUnreadAlerts(user)]);
    return NextResponse.json({ alerts, unread: unreadCount });
  } catch (error) {
    return errorResponse(error);
  }
}
