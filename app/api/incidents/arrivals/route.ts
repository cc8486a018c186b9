import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { getArrivals } from "@/lib/incidents/arrivals";

export const dynamic = "force-dynamic";

/** `GET /api/incidents/arrivals` → `{ count, capped, since }`: incidents created since the caller last opened the list. */
export const GET = apiRoute("GET /api/incidents/arrivals", {}, async ({ user }) =>
  NextResponse.json(await getArrivals(user.id), { headers: { "cache-control": "no-store" } }),
);
