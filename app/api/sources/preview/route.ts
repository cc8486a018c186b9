import { NextResponse } from "next/server";
import { ROUTE_ROLES } from "@/lib/auth/access";
import { requireApiUser } from "@/lib/auth/guard";
import { AppError, errorResponse } from "@/lib/errors/app-error";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { loadLearnedPlaces, MAX_INGEST_BYTES, parseArticleInput, prepareIngest } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

/** Extraction without storage, for the ingest page's review step. Writes nothing. */
export async function POST(request: Request) {
  try {
    await requireApiUser(request, ROUTE_ROLES["POST /api/sources/preview"]);
    const body = await readBodyWithLimit(request, MAX_INGEST_BYTES);
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      throw new AppError("bad_request", "The body is not valid JSON");
    }
    const input = parseArticleInput(json);
    await loadLearnedPlaces();
    const prepared = prepareIngest(input);
    return NextResponse.json({ text: prepared.text, ...prepared.extraction });
  } catch (error) {
    return errorResponse(error);
  }
}
