import { NextResponse } from "next/server";
import { apiRoute, jsonAsIs } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";
import { JSON_BODY_LIMIT_BYTES } from "@/lib/http/read-json";
import { deleteSavedView, updateSavedView } from "@/lib/incidents/saved-views";

export const dynamic = "force-dynamic";

/** `PATCH /api/views/:id` with any of `{ name, query, shared }`: owner (or admin) only; updateSavedView validates it. */
export const PATCH = apiRoute("PATCH /api/views/[id]", { params: idParams(), body: jsonAsIs, bodyLimit: JSON_BODY_LIMIT_BYTES }, async ({ user, params, body }) => {
  await updateSavedView(user, params.id, body as never);
  return new NextResponse(null, { status: 204 });
});

export const DELETE = apiRoute("DELETE /api/views/[id]", { params: idParams() }, async ({ user, params }) => {
  await deleteSavedView(user, params.id);
  return new NextResponse(null, { status: 204 });
});
