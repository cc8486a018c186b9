import { NextResponse } from "next/server";
import { requestIp } from "@/lib/auth/guard";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";
import { parsePlaceResolution, resolvePlaceName } from "@/lib/places/resolve";

export const dynamic = "force-dynamic";

/**
 * `POST /api/places/:id/resolve` with `{ latitude, longitude, admin1, admin2 }`, `{ placeId }` or
 * `{ reject: true }` → `{ place, incidentsChanged }`. Analysts and admins: it moves incidents.
 */
export const POST = apiRoute("POST /api/places/[id]/resolve", { params: idParams(), body: parsePlaceResolution }, async ({ request, user, params, body }) =>
  NextResponse.json(await resolvePlaceName(params.id, body, user, { ip: requestIp(request) })),
);
