/**
 * The one way the server fetches a URL it was given (feeds today, webhooks next). A URL typed by a user
 * must not turn the server into a proxy to its own network, so each request:
 * - parses the URL with the WHATWG parser, which turns odd IPv4 spellings (2130706433, 127.1,
 *   0x7f000001) into dotted quads before anything is checked;
 * - resolves the host name once, refuses the request if any address is loopback, private, link-local,
 *   unique-local, multicast, unspecified or reserved (lib/net/address-policy.ts), and connects to the
 *   address it checked (a fixed `lookup`, so no second DNS answer can differ);
 * - follows redirects itself, at most MAX_REDIRECTS, checking every hop the same way;
 * - is bounded in connect time, total time (including a body that stalls half way) and body size.
 * Errors say what went wrong in words without echoing what answered on a refused address.
 * FEED_ALLOWED_HOSTS lets an operator name intranet hosts (host or host:port) that may be reached anyway.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors/app-error";
import { refusedAddressReason } from "./address-policy";
import { env, readEnv } from "@/lib/env";

export const MAX_REDIRECTS = 5;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 15_000;
export const USER_AGENT = "Vigie/1.0 (security-incident monitoring; feed reader)";

export type OutboundFailure = "invalid_url" | "refused" | "unreachable" | "timeout" | "too_large" | "too_many_redirects";

/** A fetch that could not be done; a client error (400, or 413 for size), never a 500. */
export class OutboundError extends AppError {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
  ) {
    super(reason === "too_large" ? "payload_too_large" : "bad_request", message);
    this.name = "OutboundError";
  }
}

export interface SafeFetchOptions {
  method?: "GET" | "POST" | "HEAD";
  headers?: Record<string, string>;
  body?: string | Buffer;
  connectTimeoutMs?: number;
  /** Whole request, every redirect hop and the body read included. */
  timeoutMs?: number;
  maxBytes: number;
  /** host or host:port entries that may be private; defaults to FEED_ALLOWED_HOSTS. */
  allowedHosts?: string[];
  /** What the URL is called in messages ("feedUrl", "webhook"). */
  label?: string;
  /** The resolver, called once per hop; the system resolver unless a test gives its own. */
  resolve?: (host: string) => Promise<LookupAddress[]>;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

/** FEED_ALLOWED_HOSTS, comma or space separated, lower-cased. */
export function allowedHostsFromEnv(source?: NodeJS.ProcessEnv): string[] {
  return (source ? readEnv(source) : env()).FEED_ALLOWED_HOSTS;
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

export function isAllowedHost(url: URL, allowed: string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = effectivePort(url);
  return allowed.some((entry) => entry === host || entry === `${host}:${port}`);
}

export function parseOutboundUrl(raw: string, label = "URL"): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("invalid_url", `${label}: not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundError("invalid_url", `${label}: must be an http(s) URL`);
  if (url.username || url.password) throw new OutboundError("invalid_url", `${label}: must not contain a user name or password`);
  return url;
}

interface Target {
  address: string;
  family: 4 | 6;
}

/** Resolves the URL's host once and returns the address to connect to, or throws when it is refused. */
function systemResolve(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, found) => (error ? reject(error) : resolve(found))));
}

async function resolveTarget(url: URL, allowed: string[], label: string, resolver = systemResolve): Promise<Target> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  let addresses: LookupAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal }];
  } else {
    addresses = await resolver(host).catch(() => {
      throw new OutboundError("unreachable", `${label}: the host ${host} could not be found`);
    });
    if (!addresses.length) throw new OutboundError("unreachable", `${label}: the host ${host} could not be found`);
  }
  if (!isAllowedHost(url, allowed)) {
    // One bad address is enough: a name that resolves to both a public and a private address is a trap.
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason) throw new OutboundError("refused", `${label}: refused: ${host} is a ${reason}`);
    }
  }
  const chosen = addresses[0];
  return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a URL under the rules above and returns any HTTP status (callers decide what 304, 429 or 500
 * mean to them); throws OutboundError when the request could not be made or was refused.
 */
export async function safeFetch(raw: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const label = options.label ?? "URL";
  const allowed = options.allowedHosts ?? allowedHostsFromEnv();
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS);
  let url = parseOutboundUrl(raw, label);
  let method = options.method ?? "GET";
  let body = options.body;
  for (let hop = 0; ; hop++) {
    const target = await withDeadline(resolveTarget(url, allowed, label, options.resolve), deadline, label);
    const response = await requestOnce(url, target, { ...options, method, body, label }, deadline);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || !location) return { ...response, url: url.toString() };
    if (hop >= MAX_REDIRECTS) throw new OutboundError("too_many_redirects", `${label}: more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new OutboundError("invalid_url", `${label}: redirected to an invalid URL`);
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") throw new OutboundError("invalid_url", `${label}: redirected to a non-http(s) URL`);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
    }
    url = next;
  }
}

function remaining(deadline: number): number {
  return Math.max(0, deadline - Date.now());
}

async function withDeadline<T>(promise: Promise<T>, deadline: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutboundError("timeout", `${label}: did not answer in time`)), remaining(deadline));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function requestOnce(
  url: URL,
  target: Target,
  options: SafeFetchOptions & { label: string },
  deadline: number,
): Promise<Omit<SafeResponse, "url">> {
  const { label, maxBytes } = options;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: OutboundError) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      request.destroy();
      reject(error);
    };
    const request = client.request({
      protocol: url.protocol,
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port: effectivePort(url),
      path: `${url.pathname}${url.search}`,
      method: options.method ?? "GET",
      agent: false,
      headers: { "user-agent": USER_AGENT, ...options.headers },
      // The address checked above, whatever the resolver would say now.
      lookup: (_hostname: string, lookupOptions: { all?: boolean }, callback: (...args: unknown[]) => void) => {
        if (lookupOptions?.all) callback(null, [{ address: target.address, family: target.family }]);
        else callback(null, target.address, target.family);
      },
    } as http.RequestOptions);
    const totalTimer = setTimeout(() => fail(new OutboundError("timeout", `${label}: did not answer in time`)), remaining(deadline));
    const connectTimer = setTimeout(
      () => fail(new OutboundError("timeout", `${label}: could not connect in time`)),
      Math.min(options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, remaining(deadline)),
    );
    request.on("socket", (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once("connect", () => clearTimeout(connectTimer));
    });
    request.on("error", () => fail(new OutboundError("unreachable", `${label}: could not be reached`)));
    request.on("response", (response) => {
      const declared = Number(response.headers["content-length"] ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) return fail(tooLarge(label, maxBytes));
      const chunks: Buffer[] = [];
      let total = 0;
      response.on("data", (chunk: Buffer) => {
        total += chunk.byteLength;
        if (total > maxBytes) return fail(tooLarge(label, maxBytes));
        chunks.push(chunk);
      });
      response.on("error", () => fail(new OutboundError("unreachable", `${label}: the connection was cut while reading`)));
      response.on("aborted", () => fail(new OutboundError("unreachable", `${label}: the connection was cut while reading`)));
      response.on("end", () => {
        if (settled) return;
        if (!response.complete) return fail(new OutboundError("unreachable", `${label}: the connection was cut while reading`));
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

function tooLarge(label: string, maxBytes: number): OutboundError {
  return new OutboundError("too_large", `${label}: the response is larger than ${Math.round(maxBytes / 1024 / 1024) || 1} MB`);
}
