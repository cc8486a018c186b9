/**
 * Which network addresses an outbound request may reach. The server sits next to things a visitor must
 * never reach through it (the database, cloud metadata at 169.254.169.254, intranet services), so every
 * address that is not plainly public is refused. Embedded IPv4 forms (IPv4-mapped, IPv4-compatible,
 * NAT64) are unwrapped and judged as the IPv4 address they carry.
 */
import { isIP } from "node:net";

type Range = readonly [prefix: bigint, bits: number, label: string];

function v4(text: string): bigint {
  return text.split(".").reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

const V4_RANGES: Range[] = [
  [v4("0.0.0.0"), 8, "unspecified address"],
  [v4("10.0.0.0"), 8, "private address"],
  [v4("100.64.0.0"), 10, "private address"],
  [v4("127.0.0.0"), 8, "loopback address"],
  [v4("169.254.0.0"), 16, "link-local address"],
  [v4("172.16.0.0"), 12, "private address"],
  [v4("192.0.0.0"), 24, "reserved address"],
  [v4("192.0.2.0"), 24, "reserved address"],
  [v4("192.88.99.0"), 24, "reserved address"],
  [v4("192.168.0.0"), 16, "private address"],
  [v4("198.18.0.0"), 15, "reserved address"],
  [v4("198.51.100.0"), 24, "reserved address"],
  [v4("203.0.113.0"), 24, "reserved address"],
  [v4("224.0.0.0"), 4, "multicast address"],
  [v4("240.0.0.0"), 4, "reserved address"],
];

/** Parses any IPv6 text form (compressed, with an embedded dotted quad) into its 128-bit value. */
export function parseIPv6(text: string): bigint | null {
  let address = text.replace(/^\[|\]$/g, "").split("%")[0];
  if (isIP(address) !== 6) return null;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    const value = v4(dotted[1]);
    address = `${address.slice(0, -dotted[1].length)}${(value >> 16n).toString(16)}:${(value & 0xffffn).toString(16)}`;
  }
  const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill("0"), ...tailGroups];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function v6(text: string): bigint {
  return parseIPv6(text) as bigint;
}

const V6_RANGES: Range[] = [
  [v6("::"), 128, "unspecified address"],
  [v6("::1"), 128, "loopback address"],
  [v6("fe80::"), 10, "link-local address"],
  [v6("fec0::"), 10, "private address"],
  [v6("fc00::"), 7, "private address"],
  [v6("ff00::"), 8, "multicast address"],
  [v6("2001:db8::"), 32, "reserved address"],
  [v6("100::"), 64, "reserved address"],
];

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits. */
const V6_EMBEDDING_V4: Array<readonly [bigint, number]> = [
  [v6("::ffff:0:0"), 96],
  [v6("::"), 96],
  [v6("64:ff9b::"), 96],
  [v6("64:ff9b:1::"), 48],
];

function inRange(value: bigint, width: number, prefix: bigint, bits: number): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === prefix >> shift;
}

/**
 * Why an address must not be reached ("loopback address", "private address", ...), or null when it is
 * a public address. Anything that is not an IP address is refused too: callers pass resolved addresses.
 */
export function refusedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 4) {
    const value = v4(bare);
    return V4_RANGES.find(([prefix, bits]) => inRange(value, 32, prefix, bits))?.[2] ?? null;
  }
  if (family === 6) {
    const value = parseIPv6(bare);
    if (value === null) return "invalid address";
    for (const [prefix, bits] of V6_EMBEDDING_V4) {
      if (value !== 0n && value !== 1n && inRange(value, 128, prefix, bits)) {
        const embedded = value & 0xffffffffn;
        const dotted = [24n, 16n, 8n, 0n].map((shift) => String((embedded >> shift) & 0xffn)).join(".");
        return refusedAddressReason(dotted);
      }
    }
    return V6_RANGES.find(([prefix, bits]) => inRange(value, 128, prefix, bits))?.[2] ?? null;
  }
  return "invalid address";
}
