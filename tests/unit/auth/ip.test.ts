import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/ip";

describe("clientIp", () => {
  it("takes the address the nearest proxy appended, not the one a client can forge", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": "198.51.100.1" })).toBe("198.51.100.1");
  });

  it("falls back to X-Real-IP, then to unknown", () => {
    expect(clientIp(new Headers({ "x-real-ip": " 192.0.2.4 " }))).toBe("192.0.2.4");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
