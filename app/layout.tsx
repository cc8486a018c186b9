import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vigie", template: "%s · Vigie" },
  description: "Security-incident monitoring for the Sahel and West Africa",
};

/**
 * Reading the request headers makes every page render per request: a page prerendered at build time
 * would carry no nonce, and the CSP set by proxy.ts would block its scripts.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
