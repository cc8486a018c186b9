import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientIp, resolveClientAddress, trustedProxyCount } from "@/lib/auth/ip";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted: the socket's address is the client", () => {
    expect(resolveClientAddress("198.51.100.7", "6.6.6.6", 0)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
  });

  it("takes the address as many hops from the right as there are trusted proxies", () => {
    // Client forged "6.6.6.6"; the one proxy appended the real client 203.0.113.9 and connected from 10.0.0.2.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.3", ["6.6.6.6, 203.0.113.9", "10.0.0.2"], 2)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("reads TRUST_PROXY as a small count and refuses anything else", () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount("2")).toBe(2);
    expect(() => trustedProxyCount("true")).toThrow(/TRUST_PROXY/);
  });
});

describe("clientIp", () => {
  it("reads only the address the server resolved, never a forwarded header", () => {
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" })).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
