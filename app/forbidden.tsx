import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata() {
  return { title: (await getTranslations("forbidden"))("title") };
}

/** Rendered with status 403 when the guard calls forbidden(): signed in, but the role is too low. */
export default function Forbidden() {
  const t = useTranslations("forbidden");
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">403</p>
        <h1 className="mt-1 text-xl font-semibold text-slate-900">{t("heading")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
        <Link href="/overview" className={buttonClass("secondary", "mt-5")}>
          {t("back")}
        </Link>
      </div>
    </main>
  );
}
