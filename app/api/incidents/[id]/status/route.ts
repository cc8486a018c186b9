import { NextResponse } from "next/server";
import { z } from "zod";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { setIncidentStatus } from "@/lib/incidents/edits";
import { REVIEW_STATUSES } from "@/lib/incidents/taxonomy";
import { incidentErrorResponse, parseId } from "@/lib/incidents/api-errors";
import { JSON_BODY_LIMIT_BYTES, readJsonBody } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

const body = z.object({ status: z.enum(REVIEW_STATUSES), version: z.number().int().positive().optional() });

/** `POST /api/incidents/:id/status` with `{ status: "verified" | "rejected" | "unverified", version? }`. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["POST /api/incidents/[id]/status"]);
    const id = parseId((await params).id);
    const { status, version } = body.parse(await readJsonBody(request, JSON_BODY_LIMIT_BYTES));
    return NextResponse.json(await setIncidentStatus(id, status, user, version));
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
