import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getFilterOptions } from "@/lib/incidents/filter-options";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/filter-options`: the choices of the filter bar's pickers (countries, regions,
 * districts, localities, actors with aliases). Served apart from the pages, which would otherwise carry
 * the whole gazetteer and actor dictionary (a quarter of a megabyte) in every render; the browser keeps it
 * for a few minutes. A value missing from a stale list can still be typed in (the pickers allow it).
 */
export const GET = apiRoute("GET /api/incidents/filter-options", {}, async () =>
  NextResponse.json(await getFilterOptions(), { headers: { "cache-control": "private, max-age=300" } }),
);
