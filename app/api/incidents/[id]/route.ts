import { NextResponse } from "next/server";
import { z } from "zod";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { findIncident } from "@/lib/incidents/detail";
import { incidentPatchSchema, updateIncident } from "@/lib/incidents/edits";
import { incidentErrorResponse, parseId } from "@/lib/incidents/api-errors";
import { JSON_BODY_LIMIT_BYTES, readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** `GET /api/incidents/:id`: the incident with its actors, sources, evidence, merges and audit history. */
export async function GET(request: Request, { params }: Context) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/incidents/[id]"]);
    const id = parseId((await params).id);
    const incident = await findIncident(id);
    if (!incident) throw new AppError("not_found", `Incident ${id} does not exist`);
    return NextResponse.json(incident);
  } catch (error) {
    return incidentErrorResponse(error);
  }
}

const patchBody = incidentPatchSchema.extend({ version: z.number().int().positive("must be the version you loaded") });

/**
 * `PATCH /api/incidents/:id` with `{ version, ...fields }`: saves only if the incident is still at `version`
 * (optimistic locking); otherwise 409 and nothing is written. Analysts and admins.
 */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["PATCH /api/incidents/[id]"]);
    const id = parseId((await params).id);
    const { version, ...patch } = patchBody.parse(await readJsonBody(request, JSON_BODY_LIMIT_BYTES));
    return NextResponse.json(await updateIncident(id, version, patch, user));
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
