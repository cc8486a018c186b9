import { NextResponse } from "next/server";
import { parseCreateFeed } from "@/lib/feeds/input";
import { createFeed, listFeeds } from "@/lib/feeds/queries";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** `GET /api/feeds`: every subscribed feed with its schedule and health (viewers and up). */
export const GET = apiRoute("GET /api/feeds", {}, async () => NextResponse.json({ feeds: await listFeeds() }));

/** `POST /api/feeds` `{ url, intervalMinutes?, language?, country? }`: fetched once to validate, then polled (analysts). */
export const POST = apiRoute("POST /api/feeds", { body: parseCreateFeed }, async ({ user, body }) =>
  NextResponse.json({ feed: await createFeed(body, user) }, { status: 201 }),
);
