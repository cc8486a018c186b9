import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { createSavedView, listSavedViews } from "@/lib/incidents/saved-views";
import { incidentErrorResponse } from "@/lib/incidents/api-errors";
import { JSON_BODY_LIMIT_BYTES, readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** `GET /api/views`: the caller's saved views and those shared with the team. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/views"]);
    return NextResponse.json({ views: await listSavedViews(user) });
  } catch (error) {
    return incidentErrorResponse(error);
  }
}

/** `POST /api/views` with `{ name, query, shared? }`. */
export async function POST(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/views"]);
    const body = (await readJsonBody(request, JSON_BODY_LIMIT_BYTES)) as Record<string, unknown>;
    return NextResponse.json(await createSavedView(user, body as never), { status: 201 });
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
