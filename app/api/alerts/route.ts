import { NextResponse } from "next/server";
import { countUnreadAlerts, listAlerts } from "@/lib/alerts/queries";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

function parseInboxQuery(params: URLSearchParams): { unreadOnly: boolean } {
  for (const key of params.keys()) if (key !== "unread") throw new AppError("bad_request", `${key}: unknown parameter (known: unread)`);
  const unread = params.get("unread");
  if (unread !== null && unread !== "1" && unread !== "0") throw new AppError("bad_request", "unread: must be 1 or 0");
  return { unreadOnly: unread === "1" };
}

/** `GET /api/alerts[?unread=1]`: the caller's inbox, newest first, with the unread count. */
export const GET = apiRoute("GET /api/alerts", { query: parseInboxQuery }, async ({ user, query }) => {
  const [alerts, unreadCount] = await Promise.all([listAlerts(user, query), countUnreadAlerts(user)]);
  return NextResponse.json({ alerts, unread: unreadCount });
});
