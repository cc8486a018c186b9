import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/errors/app-error";
import { exportGazetteerCsv } from "@/lib/places/gazetteer-csv";

export const dynamic = "force-dynamic";

/** `GET /api/gazetteer/export`: the learned gazetteer as CSV, in the columns the import reads. */
export async function GET(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["GET /api/gazetteer/export"]);
    return new Response(await exportGazetteerCsv(), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="vigie-learned-gazetteer.csv"' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
