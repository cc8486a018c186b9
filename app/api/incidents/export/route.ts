import { requestIp } from "@/lib/auth/guard";
import { apiRoute } from "@/lib/http/api-route";
import { openIncidentExport, parseExportParams } from "@/lib/incidents/export";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/export?<filter>&columns=&profile=acled&bom=1&delimiter=;`: the CSV of every incident
 * of the filter, streamed. A client that disconnects cancels the stream, which stops the COPY.
 */
export const GET = apiRoute("GET /api/incidents/export", { query: parseExportParams }, async ({ request, user, query }) => {
  const { body, filename } = await openIncidentExport(query, { user, ip: requestIp(request) });
  request.signal.addEventListener("abort", () => void body.cancel().catch(() => {}), { once: true });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
