import { NextResponse } from "next/server";
import { apiRoute, jsonAsIs } from "@/lib/http/api-route";
import { JSON_BODY_LIMIT_BYTES } from "@/lib/http/read-json";
import { createSavedView, listSavedViews } from "@/lib/incidents/saved-views";

export const dynamic = "force-dynamic";

/** `GET /api/views`: the caller's saved views and those shared with the team. */
export const GET = apiRoute("GET /api/views", {}, async ({ user }) => NextResponse.json({ views: await listSavedViews(user) }));

/** `POST /api/views` with `{ name, query, shared? }`; createSavedView validates it. */
export const POST = apiRoute("POST /api/views", { body: jsonAsIs, bodyLimit: JSON_BODY_LIMIT_BYTES }, async ({ user, body }) =>
  NextResponse.json(await createSavedView(user, body as never), { status: 201 }),
);
