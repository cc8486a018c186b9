import { NextResponse } from "next/server";
import { deleteWatch, getWatch, updateWatch } from "@/lib/alerts/queries";
import { apiRoute, jsonAsIs } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

const params = idParams({ notFound: "watch" });

/** `GET /api/watches/:id`. */
export const GET = apiRoute("GET /api/watches/[id]", { params }, async ({ user, params: { id } }) => NextResponse.json(await getWatch(user, id)));

/** `PATCH /api/watches/:id` with any of the fields of POST /api/watches; updateWatch validates them. */
export const PATCH = apiRoute("PATCH /api/watches/[id]", { params, body: jsonAsIs }, async ({ user, params: { id }, body }) =>
  NextResponse.json(await updateWatch(user, id, body)),
);

/** `DELETE /api/watches/:id`: the watch, its matches and alerts. */
export const DELETE = apiRoute("DELETE /api/watches/[id]", { params }, async ({ user, params: { id } }) => {
  await deleteWatch(user, id);
  return new NextResponse(null, { status: 204 });
});
