import { NextResponse } from "next/server";
import { parseUpdateFeed } from "@/lib/feeds/input";
import { deleteFeed, updateFeed } from "@/lib/feeds/queries";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** `PATCH /api/feeds/:id` with any of `{ intervalMinutes, language, country, paused }` (analysts). */
export const PATCH = apiRoute("PATCH /api/feeds/[id]", { params: idParams(), body: parseUpdateFeed }, async ({ user, params, body }) =>
  NextResponse.json({ feed: await updateFeed(params.id, body, user) }),
);

/** `DELETE /api/feeds/:id`: ends the subscription; what it brought in stays (analysts). */
export const DELETE = apiRoute("DELETE /api/feeds/[id]", { params: idParams() }, async ({ user, params }) => {
  await deleteFeed(params.id, user);
  return new NextResponse(null, { status: 204 });
});
