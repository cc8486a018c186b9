import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { deleteSavedView, updateSavedView } from "@/lib/incidents/saved-views";
import { incidentErrorResponse, parseId } from "@/lib/incidents/api-errors";
import { JSON_BODY_LIMIT_BYTES, readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** `PATCH /api/views/:id` with any of `{ name, query, shared }`: owner (or admin) only. */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["PATCH /api/views/[id]"]);
    await updateSavedView(user, parseId((await params).id), (await readJsonBody(request, JSON_BODY_LIMIT_BYTES)) as never);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return incidentErrorResponse(error);
  }
}

export async function DELETE(request: Request, { params }: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["DELETE /api/views/[id]"]);
    await deleteSavedView(user, parseId((await params).id));
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
