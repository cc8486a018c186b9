/**
 * The client's address, for throttling and the audit trail. Vigie runs behind at most one reverse proxy,
 * whose X-Forwarded-For first hop is the client; without a proxy the header is absent and X-Real-IP or
 * "unknown" is used. Per-account throttling does not depend on it, so a forged header only dodges the
 * per-address limit.
 */
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(headers: HeaderSource): string {
  const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || read(headers, "x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : "unknown";
}
