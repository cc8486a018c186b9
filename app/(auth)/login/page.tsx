import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LoginForm } from "@/components/auth/login-form";
import { getPageUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Where to go after sign-in. Absolute URLs (next-auth hands back our own origin) are reduced to their
 * path, so a crafted link to the login page cannot send a user to another site.
 */
function safeCallback(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/overview";
  try {
    const url = new URL(raw, "http://vigie.invalid");
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("//") || path.startsWith("/login") ? "/overview" : path;
  } catch {
    return "/overview";
  }
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getPageUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  const tApp = await getTranslations("app");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="inline-flex items-center gap-2 text-2xl font-semibold tracking-tight text-brand-700">
            <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-full bg-brand-500 ring-4 ring-brand-100" />
            Vigie
          </div>
          <p className="mt-1 text-sm text-slate-600">{tApp("tagline")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-base font-semibold text-slate-900">{t("heading")}</h1>
          <ClientMessages namespaces={["login"]}>
            <LoginForm callbackUrl={callbackUrl} initialError={typeof params.error === "string" ? params.error : null} />
          </ClientMessages>
        </div>
        <p className="mt-4 text-center text-xs text-slate-600">{t("restricted")}</p>
        <div className="mt-3 flex justify-center">
          <LocaleSwitch signedIn={false} />
        </div>
      </div>
    </main>
  );
}
