import { ROUTE_ROLES } from "@/lib/auth/access";
import { requestIp, requireApiUser } from "@/lib/auth/guard";
import { openIncidentExport, parseExportParams } from "@/lib/incidents/export";
import { incidentErrorResponse } from "@/lib/incidents/api-errors";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/export?<filter>&columns=&profile=acled&bom=1&delimiter=;`: the CSV of every incident
 * of the filter, streamed. A client that disconnects cancels the stream, which stops the COPY.
 */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser(request, ROUTE_ROLES["GET /api/incidents/export"]);
    const options = parseExportParams(new URL(request.url).searchParams);
    const { body, filename } = await openIncidentExport(options, { user, ip: requestIp(request) });
    request.signal.addEventListener("abort", () => void body.cancel().catch(() => {}), { once: true });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return incidentErrorResponse(error);
  }
}
