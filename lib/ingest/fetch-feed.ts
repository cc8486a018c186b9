/**
 * Fetches a feed by URL, through the guarded outbound client (lib/net/safe-fetch.ts): the SSRF rules,
 * time and size bounds apply to the one-off fetch of POST /api/sources and to every scheduled poll.
 */
import { AppError } from "@/lib/errors/app-error";
import { safeFetch } from "@/lib/net/safe-fetch";
import { MAX_INGEST_BYTES } from "./limits";
import { env } from "@/lib/env";

/** Whole fetch of a feed, body included; FEED_FETCH_TIMEOUT_SECONDS changes it. */
export function feedTimeoutMs(): number {
  return env().FEED_FETCH_TIMEOUT_SECONDS * 1000;
}
const ACCEPT = "application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1";

export interface FeedFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Validators of the last successful fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  label?: string;
}

export type FeedFetchResult =
  | { kind: "ok"; xml: string; etag: string | null; lastModified: string | null; url: string }
  | { kind: "not_modified" }
  /** The server asked to be left alone (429, 503) or failed; retryAfterMs when it said for how long. */
  | { kind: "http_error"; status: number; retryAfterMs: number | null };

/** One conditional GET of a feed; network failures and refused addresses throw OutboundError. */
export async function requestFeed(url: string, options: FeedFetchOptions = {}): Promise<FeedFetchResult> {
  const headers: Record<string, string> = { accept: ACCEPT };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  const response = await safeFetch(url, {
    headers,
    timeoutMs: options.timeoutMs ?? feedTimeoutMs(),
    maxBytes: options.maxBytes ?? MAX_INGEST_BYTES,
    label: options.label ?? "feedUrl",
  });
  if (response.status === 304) return { kind: "not_modified" };
  if (response.status < 200 || response.status > 299) {
    return { kind: "http_error", status: response.status, retryAfterMs: parseRetryAfter(header(response.headers["retry-after"])) };
  }
  return {
    kind: "ok",
    xml: decode(response.body, header(response.headers["content-type"])),
    etag: header(response.headers.etag),
    lastModified: header(response.headers["last-modified"]),
    url: response.url,
  };
}

/** The feed's text, or a 400 saying in words why it could not be had. */
export async function fetchFeed(url: string, options: FeedFetchOptions = {}): Promise<string> {
  const result = await requestFeed(url, options);
  if (result.kind === "ok") return result.xml;
  if (result.kind === "not_modified") throw new AppError("bad_request", `${options.label ?? "feedUrl"}: the feed answered 304 without a prior copy`);
  throw new AppError("bad_request", `${options.label ?? "feedUrl"}: the feed answered HTTP ${result.status}`);
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const SINGLE_BYTE = /^(iso-8859-1|latin1|windows-1252|iso-8859-15)$/i;

/** UTF-8 unless the Content-Type or the XML declaration names a Latin-1 family charset. */
function decode(body: Buffer, contentType: string | null): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1] ?? /^<\?xml[^>]*encoding=["']([\w-]+)/i.exec(body.subarray(0, 200).toString("latin1"))?.[1];
  return new TextDecoder(declared && SINGLE_BYTE.test(declared) ? "windows-1252" : "utf-8").decode(body);
}
