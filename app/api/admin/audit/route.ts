import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { listAuditEvents, parseAuditFilter } from "@/lib/audit/queries";
import { errorResponse } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** The audit trail, newest first: `?action=&user=&from=YYYY-MM-DD&to=YYYY-MM-DD&page=`. */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/admin/audit"]);
    const filter = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
    return NextResponse.json(await listAuditEvents(filter), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
