import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { parseCreateFeed } from "@/lib/feeds/input";
import { createFeed, listFeeds } from "@/lib/feeds/queries";
import { readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** `GET /api/feeds`: every subscribed feed with its schedule and health (viewers and up). */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/feeds"]);
    return NextResponse.json({ feeds: await listFeeds() });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `POST /api/feeds` `{ url, intervalMinutes?, language?, country? }`: fetched once to validate, then polled (analysts). */
export async function POST(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/feeds"]);
    const feed = await createFeed(parseCreateFeed(await readJsonBody(request)), user);
    return NextResponse.json({ feed }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
