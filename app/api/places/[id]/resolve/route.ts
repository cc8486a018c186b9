import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";
import { parseId } from "@/lib/incidents/api-errors";
import { parsePlaceResolution, resolvePlaceName } from "@/lib/places/resolve";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * `POST /api/places/:id/resolve` with `{ latitude, longitude, admin1, admin2 }`, `{ placeId }` or
 * `{ reject: true }` → `{ place, incidentsChanged }`. Analysts and admins: it moves incidents.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/places/[id]/resolve"]);
    const id = parseId((await params).id);
    const resolution = parsePlaceResolution(await readJsonBody(request));
    return NextResponse.json(await resolvePlaceName(id, resolution, user, { ip: requestIp(request) }));
  } catch (error) {
    return errorResponse(error);
  }
}
