/**
 * The client's address, for throttling and the audit trail. A client can write any X-Forwarded-For, so
 * it is believed only as far as the operator says: TRUST_PROXY=<n> means n reverse proxies stand in
 * front of Vigie, each appending the address it saw; the client is then the address n hops from the
 * right of [...X-Forwarded-For, socket address]. Without TRUST_PROXY it is the socket's address.
 *
 * Route handlers cannot see the socket, so the production server (scripts/cli/serve.ts) resolves the address
 * once per request and passes it in CLIENT_ADDRESS_HEADER, after removing any value the client sent under
 * that name. Where no server stamped it (Next's dev server, a handler called directly) the address is
 * "unknown" and only the per-account throttling limits apply.
 */
import type { IncomingMessage } from "node:http";
import { readEnv } from "../env";

export const CLIENT_ADDRESS_HEADER = "x-vigie-client-address";

/** The number of trusted proxies from TRUST_PROXY: unset or empty is 0; anything but 0..10 is a configuration error. */
export function trustedProxyCount(value: string | undefined = process.env.TRUST_PROXY): number {
  return readEnv({ TRUST_PROXY: value }).TRUST_PROXY;
}

function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  // An IPv4 client of a dual-stack socket: one address, one spelling, one throttling bucket.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).slice(0, 64);
}

export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: number): string {
  const socket = socketAddress ? normalize(socketAddress) : "";
  if (proxies === 0) return socket || "unknown";
  const forwarded = [forwardedFor ?? []].flat().join(",").split(",").map(normalize).filter(Boolean);
  const chain = socket ? [...forwarded, socket] : forwarded;
  // Fewer hops than proxies: the request did not come through all of them; the leftmost is all we have.
  return chain[Math.max(0, chain.length - 1 - proxies)] || "unknown";
}

/** For the production server: replaces whatever the client sent in CLIENT_ADDRESS_HEADER by the resolved address. */
export function stampClientAddress(request: IncomingMessage, proxies: number): void {
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], proxies);
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientIp(headers: HeaderSource): string {
  if (!headers) return "unknown";
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : [headers[CLIENT_ADDRESS_HEADER] ?? []].flat().at(-1);
  return value?.trim().slice(0, 64) || "unknown";
}
