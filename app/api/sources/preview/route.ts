import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { loadLearnedPlaces, MAX_INGEST_BYTES, parseArticleInput, prepareIngest } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

/** Extraction without storage, for the ingest page's review step. Writes nothing. The body is read under the ingest's own limit. */
export const POST = apiRoute("POST /api/sources/preview", {}, async ({ request }) => {
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
});
