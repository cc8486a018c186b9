import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { keyedError } from "@/lib/errors/keyed";
import { apiRoute } from "@/lib/http/api-route";
import { readBodyWithLimit } from "@/lib/http/read-body";
import { parseJsonBytes } from "@/lib/http/read-json";
import { ingestArticle, ingestDocument, ingestFeedUrl, MAX_INGEST_BYTES, parseArticleInput } from "@/lib/ingest/ingest";
import { listSources } from "@/lib/ingest/sources";

export const dynamic = "force-dynamic";

/**
 * Ingests an article (JSON `{ text | html, url?, title?, publisher?, publishedAt?, language? }`), a feed
 * by URL (JSON `{ feedUrl }`), or an uploaded file (multipart field `file`: text, Markdown, HTML, RSS or
 * Atom). 201 when something new was stored, 200 when everything was already there. JSON or a file: the
 * handler reads the body itself, under the ingest's limit.
 */
export const POST = apiRoute("POST /api/sources", {}, async ({ request, user }) => {
  const contentType = request.headers.get("content-type") ?? "";
  const body = await readBodyWithLimit(request, MAX_INGEST_BYTES);
  if (contentType.includes("multipart/form-data")) {
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData().catch(() => {
      throw keyedError("bad_request", "invalidUpload");
    });
    const file = form.get("file");
    if (!(file instanceof Blob)) throw keyedError("bad_request", "articleFileField");
    const bytes = Buffer.from(await file.arrayBuffer());
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    const results = await ingestDocument(text, file instanceof File ? file.name : undefined, user);
    const created = results.some((result) => result.created);
    return NextResponse.json({ results }, { status: created ? 201 : 200 });
  }
  if (!contentType.includes("application/json")) {
    throw keyedError("unsupported_media_type", "jsonOrUpload");
  }
  const json = parseJsonBytes(body);
  if (json && typeof json === "object" && !Array.isArray(json) && "feedUrl" in json) {
    const { feedUrl, ...rest } = json as { feedUrl: unknown };
    if (typeof feedUrl !== "string" || Object.keys(rest).length) throw keyedError("bad_request", "feedUrlAlone");
    const results = await ingestFeedUrl(feedUrl, user);
    return NextResponse.json({ results }, { status: results.some((result) => result.created) ? 201 : 200 });
  }
  const result = await ingestArticle(parseArticleInput(json), user);
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});

function parseSourcesQuery(params: URLSearchParams): { page: number; q?: string } {
  const page = Number(params.get("page") ?? "1");
  if (!Number.isInteger(page) || page < 1) throw new AppError("bad_request", "page: must be a whole number of 1 or more");
  return { page, q: params.get("q")?.trim() || undefined };
}

export const GET = apiRoute("GET /api/sources", { query: parseSourcesQuery }, async ({ query }) => NextResponse.json(await listSources(query)));
