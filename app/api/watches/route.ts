import { NextResponse } from "next/server";
import { createWatch, listWatches } from "@/lib/alerts/queries";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

/** `GET /api/watches`: the caller's watches and those shared with the team. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/watches"]);
    return NextResponse.json({ watches: await listWatches(user) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `POST /api/watches` with `{ name, query, condition?, minFatalities?, verifiedOnly?, shared?, emailMode?, webhookUrl?, webhookSecret?, maxAlertsPerHour? }`. */
export async function POST(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/watches"]);
    return NextResponse.json(await createWatch(user, await readJsonBody(request)), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
