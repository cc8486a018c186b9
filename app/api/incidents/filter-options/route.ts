import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { getFilterOptions } from "@/lib/incidents/filter-options";
import { incidentErrorResponse } from "@/lib/incidents/api-errors";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/filter-options`: the choices of the filter bar's pickers (countries, regions,
 * districts, localities, actors with aliases). Served apart from the pages, which would otherwise carry
 * the whole gazetteer and actor dictionary (a quarter of a megabyte) in every render; the browser keeps it
 * for a few minutes. A value missing from a stale list can still be typed in (the pickers allow it).
 */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/incidents/filter-options"]);
    return NextResponse.json(await getFilterOptions(), { headers: { "cache-control": "private, max-age=300" } });
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
