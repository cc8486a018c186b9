/**
 * The Content-Security-Policy of Vigie's pages: scripts run only with this response's nonce (Next puts
 * it on its own inline and chunk scripts when it finds the nonce in the request's CSP header), so an
 * injected <script> or inline handler never runs. Styles keep 'unsafe-inline': recharts and React style
 * attributes need it, and a style cannot run code. Nothing is loaded from another origin.
 */
import { env } from "@/lib/env";
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageCsp(nonce: string, dev = env().NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce-bearing ones load are trusted too; 'self' is the fallback for
    // browsers without CSP 3. Dev adds 'unsafe-eval' for React's debugging (never in production).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON and CSV answers, which never run script. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** HSTS once the public URL is https (as every production deployment must be): a year, subdomains too. */
export function hstsHeader(publicUrl = env().NEXTAUTH_URL ?? ""): string | null {
  return publicUrl.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}
