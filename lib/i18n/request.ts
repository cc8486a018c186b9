/**
 * next-intl's per-request configuration, without locale-prefixed routes: URLs and their filter parameters are
 * the same in every language, so a French and an English analyst can share a link. getRequestConfig is
 * wrapped in React's cache by next-intl, so this runs once per request; the user row comes from the guard's
 * own per-request cache (no extra query), and each language's messages are a module imported once per process.
 */
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getPageUser } from "@/lib/auth/guard";
import { LOCALE_COOKIE, resolveLocale, TIME_ZONE } from "./config";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const [user, cookieStore, headerStore] = await Promise.all([getPageUser(), cookies(), headers()]);
  const locale = resolveLocale({
    saved: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return { locale, messages: await loadMessages(locale), timeZone: TIME_ZONE, now: new Date() };
});
