import { NextResponse } from "next/server";
import { countUnreadAlerts, markAlertsRead } from "@/lib/alerts/queries";
import { apiRoute, jsonAsIs } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** `POST /api/alerts/read` with `{ "ids": [...] }` or `{ "all": true }`. */
export const POST = apiRoute("POST /api/alerts/read", { body: jsonAsIs }, async ({ user, body }) => {
  const marked = await markAlertsRead(user, body);
  return NextResponse.json({ marked, unread: await countUnreadAlerts(user) });
});
