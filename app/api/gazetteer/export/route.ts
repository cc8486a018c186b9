import { apiRoute } from "@/lib/http/api-route";
import { exportGazetteerCsv } from "@/lib/places/gazetteer-csv";

export const dynamic = "force-dynamic";

/** `GET /api/gazetteer/export`: the learned gazetteer as CSV, in the columns the import reads. */
export const GET = apiRoute("GET /api/gazetteer/export", {}, async () =>
  new Response(await exportGazetteerCsv(), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="vigie-learned-gazetteer.csv"' },
  }),
);
