import { NextResponse } from "next/server";
import { listAuditEvents, parseAuditFilter } from "@/lib/audit/queries";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** The audit trail, newest first: `?action=&user=&from=YYYY-MM-DD&to=YYYY-MM-DD&page=`. */
export const GET = apiRoute("GET /api/admin/audit", { query: (params) => parseAuditFilter(Object.fromEntries(params)) }, async ({ query }) =>
  NextResponse.json(await listAuditEvents(query), { headers: { "Cache-Control": "no-store" } }),
);
