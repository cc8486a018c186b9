/**
 * The client's address, for throttling and the audit trail. Vigie is meant to run behind one reverse
 * proxy, which appends the address it sees to X-Forwarded-For: the last entry is therefore the one no
 * client can forge (the first is whatever the client sent). Without a proxy, Next fills the header with
 * the socket's address, unless the client sent one: so deploy behind a proxy that sets it. Per-account
 * throttling does not depend on the address.
 */
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.at(-1) : value;
}

export function clientIp(headers: HeaderSource): string {
  const forwarded = read(headers, "x-forwarded-for")?.split(",").at(-1)?.trim();
  const ip = forwarded || read(headers, "x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : "unknown";
}
