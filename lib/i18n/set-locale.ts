"use server";

import { cookies } from "next/headers";
import { ACTION_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { setUserLocale } from "@/lib/auth/users";
import { isLocale, LOCALE_COOKIE } from "./config";

/**
 * The header's language switch for a signed-in user: saved on the account (it follows them to another
 * browser) and in the cookie, so the login page speaks the same language after sign-out. The login page's
 * own switch only writes the cookie, in the browser (components/layout/locale-switch.tsx).
 */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  const user = await requirePageUser(ACTION_ROLES.setLocaleAction);
  if (!isLocale(locale)) return { ok: false };
  await setUserLocale(user.id, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: COOKIE_MAX_AGE });
  return { ok: true };
}

const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
