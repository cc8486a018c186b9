import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { parseJsonBytes } from "@/lib/http/read-json";
import { loadLearnedPlaces, MAX_INGEST_BYTES, parseArticleInput, prepareIngest } from "@/lib/ingest/ingest";

export const dynamic = "force-dynamic";

/** Extraction without storage, for the ingest page's review step. Writes nothing. The body is read under the ingest's own limit. */
export const POST = apiRoute("POST /api/sources/preview", {}, async ({ request }) => {
  const body = await readBodyWithLimit(request, MAX_INGEST_BYTES);
  const json = parseJsonBytes(body);
  const input = parseArticleInput(json);
  await loadLearnedPlaces();
  const prepared = prepareIngest(input);
  return NextResponse.json({ text: prepared.text, ...prepared.extraction });
});
