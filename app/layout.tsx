import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { pickMessages } from "@/components/i18n/client-messages";
import { headers } from "next/headers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: "Vigie", template: "%s · Vigie" }, description: t("description") };
}

/**
 * Reading the request headers makes every page render per request: a page prerendered at build time
 * would carry no nonce, and the CSP set by proxy.ts would block its scripts.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await headers();
  const [locale, messages] = await Promise.all([getLocale(), pickMessages([])]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
