import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { unmergeIncident } from "@/lib/incidents/merges";
import { incidentErrorResponse, parseId } from "@/lib/incidents/api-errors";

export const dynamic = "force-dynamic";

/** `DELETE /api/incidents/merges/:mergeId`: undoes a merge, moving the merged incident's links back. */
export async function DELETE(request: Request, { params }: { params: Promise<{ mergeId: string }> }) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["DELETE /api/incidents/merges/[mergeId]"]);
    return NextResponse.json(await unmergeIncident(parseId((await params).mergeId, "mergeId"), user));
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
