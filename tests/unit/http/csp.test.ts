import { describe, expect, it } from "vitest";
import { hstsHeader, newNonce, pageCsp } from "@/lib/http/csp";

describe("page CSP", () => {
  it("allows scripts by nonce only in production, never inline", () => {
    const csp = pageCsp("abc123", false);
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    expect(Buffer.from([...nonces][0], "base64")).toHaveLength(16);
  });

  it("sends HSTS exactly when the public URL is https", () => {
    expect(hstsHeader("https://vigie.example.org")).toBe("max-age=31536000; includeSubDomains");
    expect(hstsHeader("http://localhost:3000")).toBeNull();
    expect(hstsHeader("")).toBeNull();
  });
});
