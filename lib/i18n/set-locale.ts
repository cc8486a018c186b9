"use server";

import { cookies } from "next/headers";
import { getPageUser } from "@/lib/auth/guard";
import { setUserLocale } from "@/lib/auth/users";
import { isLocale, LOCALE_COOKIE } from "./config";

/**
 * The header's language switch. Saved on the user when signed in (it follows them to another browser), and
 * in a cookie in every case, so the login page speaks the same language after sign-out.
 */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  const user = await getPageUser();
  if (user) await setUserLocale(user.id, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true });
  return { ok: true };
}
