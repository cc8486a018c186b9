import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { getArrivals } from "@/lib/incidents/arrivals";

export const dynamic = "force-dynamic";

/** `GET /api/incidents/arrivals` → `{ count, capped, since }`: incidents created since the caller last opened the list. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/incidents/arrivals"]);
    return NextResponse.json(await getArrivals(user.id), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
