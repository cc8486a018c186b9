"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/set-locale";

/**
 * EN | FR in the header (saved on the account) and on the login page (`signedIn={false}`: a cookie only, set
 * here since there is no account yet); then the page is rendered again in that language.
 */
export function LocaleSwitch({ signedIn = true }: { signedIn?: boolean }) {
  const t = useTranslations("locale");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("label")} className="inline-flex rounded-md border border-slate-300 p-0.5 text-xs" data-testid="locale-switch">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          title={t(`name.${locale}`)}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              if (signedIn) await setLocaleAction(locale);
              else rememberInBrowser(locale);
              router.refresh();
            })
          }
          className={`rounded px-1.5 py-0.5 font-medium uppercase focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
            current === locale ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100"
          }`}
        >
          {locale}
        </button>
      ))}
    </div>
  );
}

function rememberInBrowser(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}
