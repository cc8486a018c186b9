/** A small JSON body, parsed, or a clear 4xx: wrong content type 415, too large 413, not JSON 400. */
import { keyedError } from "@/lib/errors/keyed";
import { readBodyWithLimit } from "./read-body";

/** The incidents' and saved views' bodies: an edited incident with its evidence fits many times over. */
export const JSON_BODY_LIMIT_BYTES = 100_000;

/** The one JSON body reader: the limit holds while reading (see read-body.ts), not after. */
export async function readJsonBody(request: Request, limitBytes = 16 * 1024): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.includes("application/json")) throw keyedError("unsupported_media_type", "notJson");
  return parseJsonBytes(await readBodyWithLimit(request, limitBytes));
}

/** A body already read under its limit (the ingest's JSON-or-upload endpoints read their own), as JSON, or a 400. */
export function parseJsonBytes(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw keyedError("bad_request", "invalidJson");
  }
}
