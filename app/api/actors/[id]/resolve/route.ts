import { NextResponse } from "next/server";
import { parseActorResolution, resolveActorName } from "@/lib/actors/queue";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { readJsonBody } from "@/lib/http/read-json";
import { parseId } from "@/lib/incidents/api-errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** `POST /api/actors/:id/resolve` with `{ actorId }` (alias of that actor) or `{ name, interCode }` (a new actor). Analysts and admins. */
export async function POST(request: Request, { params }: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/actors/[id]/resolve"]);
    const id = parseId((await params).id);
    const resolution = parseActorResolution(await readJsonBody(request));
    return NextResponse.json(await resolveActorName(id, resolution, user, { ip: requestIp(request) }));
  } catch (error) {
    return errorResponse(error);
  }
}
