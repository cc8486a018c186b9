import { NextResponse } from "next/server";
import { z } from "zod";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { mergeIncidents } from "@/lib/incidents/merges";
import { incidentErrorResponse, parseId } from "@/lib/incidents/api-errors";
import { JSON_BODY_LIMIT_BYTES, readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

const body = z.object({ mergedId: z.number().int().positive() });

/** `POST /api/incidents/:id/merge` with `{ mergedId }`: merges that incident into this one (reversible). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/incidents/[id]/merge"]);
    const targetId = parseId((await params).id);
    const { mergedId } = body.parse(await readJsonBody(request, JSON_BODY_LIMIT_BYTES));
    return NextResponse.json(await mergeIncidents(targetId, mergedId, user), { status: 201 });
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
