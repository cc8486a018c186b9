/**
 * Fetches a feed by URL for ingestion (production deployments follow their sources' RSS/Atom feeds).
 * Bounded in time and size like an upload, and limited to http(s): the server must not become a way
 * to read files or stall on a slow host.
 */
import { AppError } from "@/lib/errors/app-error";
import { MAX_INGEST_BYTES } from "./limits";

export const FEED_TIMEOUT_MS = 15_000;

export async function fetchFeed(url: string, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_INGEST_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("bad_request", "feedUrl: not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new AppError("bad_request", "feedUrl: must be an http(s) URL");
  let response: Response;
  try {
    response = await fetch(parsed, {
      signal: AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS),
      headers: { accept: "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1" },
      redirect: "follow",
    });
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? "it did not answer in time" : "it could not be reached";
    throw new AppError("bad_request", `The feed at ${parsed.host} could not be fetched: ${reason}`);
  }
  if (!response.ok) throw new AppError("bad_request", `The feed at ${parsed.host} answered HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("payload_too_large", "The feed is larger than the ingest limit");
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("payload_too_large", "The feed is larger than the ingest limit");
    }
    chunks.push(read.value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
