import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { getIncidentPage } from "@/lib/incidents/table";

export const dynamic = "force-dynamic";

/** `GET /api/incidents?<filter>`: `{ rows, total, totalIsEstimate, page, pageSize }`; 400 naming a bad parameter. */
export const GET = apiRoute("GET /api/incidents", { query: (params) => parseIncidentFilter(params) }, async ({ query }) =>
  NextResponse.json(await getIncidentPage(query)),
);
