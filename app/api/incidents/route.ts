import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { getIncidentPage } from "@/lib/incidents/table";
import { incidentErrorResponse } from "@/lib/incidents/api-errors";

export const dynamic = "force-dynamic";

/** `GET /api/incidents?<filter>`: `{ rows, total, totalIsEstimate, page, pageSize }`; 400 naming a bad parameter. */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/incidents"]);
    const filter = parseIncidentFilter(new URL(request.url).searchParams);
    return NextResponse.json(await getIncidentPage(filter));
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
