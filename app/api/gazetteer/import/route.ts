import { NextResponse } from "next/server";
import { requestIp } from "@/lib/auth/guard";
import { keyedError } from "@/lib/errors/keyed";
import { apiRoute } from "@/lib/http/api-route";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { importGazetteer, MAX_GAZETTEER_BYTES, parseGazetteerCsv } from "@/lib/places/gazetteer-csv";

export const dynamic = "force-dynamic";

/**
 * `POST /api/gazetteer/import`: a CSV (columns name, alternate_names, country, admin1, admin2, latitude,
 * longitude, source) as a multipart field `file` or as a `text/csv` body. Admins. All or nothing: bad
 * lines are reported by number (`details.errors`) and nothing is written. The body is CSV, not JSON, so
 * the handler reads it itself, under its own limit.
 */
export const POST = apiRoute("POST /api/gazetteer/import", {}, async ({ request, user }) => {
  const contentType = request.headers.get("content-type") ?? "";
  const body = await readBodyWithLimit(request, MAX_GAZETTEER_BYTES);
  let bytes: Buffer;
  if (contentType.includes("multipart/form-data")) {
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData().catch(() => {
      throw keyedError("bad_request", "invalidUpload");
    });
    const file = form.get("file");
    if (!(file instanceof Blob)) throw keyedError("bad_request", "csvFileField");
    bytes = Buffer.from(await file.arrayBuffer());
  } else if (contentType.includes("text/csv") || contentType.includes("text/plain")) {
    bytes = body;
  } else {
    throw keyedError("unsupported_media_type", "csvOrUpload");
  }
  let csv: string;
  try {
    csv = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw keyedError("bad_request", "notUtf8");
  }
  const rows = parseGazetteerCsv(csv);
  return NextResponse.json({ rows: rows.length, ...(await importGazetteer(rows, user, requestIp(request))) });
});
