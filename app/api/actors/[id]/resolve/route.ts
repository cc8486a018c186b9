import { NextResponse } from "next/server";
import { parseActorResolution, resolveActorName } from "@/lib/actors/queue";
import { requestIp } from "@/lib/auth/guard";
import { apiRoute } from "@/lib/http/api-route";
import { idParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

/** `POST /api/actors/:id/resolve` with `{ actorId }` (alias of that actor) or `{ name, interCode }` (a new actor). Analysts and admins. */
export const POST = apiRoute("POST /api/actors/[id]/resolve", { params: idParams(), body: parseActorResolution }, async ({ request, user, params, body }) =>
  NextResponse.json(await resolveActorName(params.id, body, user, { ip: requestIp(request) })),
);
