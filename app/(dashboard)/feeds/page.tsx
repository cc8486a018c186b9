import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AddFeedForm } from "@/components/feeds/add-feed-form";
import { FeedsTable } from "@/components/feeds/feeds-table";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { hasRole, requirePageUser } from "@/lib/auth/guard";
import { listFeeds } from "@/lib/feeds/queries";
import { errorWording } from "@/lib/errors/localize";
import { isLocale } from "@/lib/i18n/config";
import { COUNTRIES } from "@/lib/ingest/gazetteer";

export async function generateMetadata() {
  return { title: (await getTranslations("feeds"))("title") };
}
export const dynamic = "force-dynamic";

export default async function FeedsPage() {
  const user = await requirePageUser(PAGE_ROLES["/feeds"]);
  const canWrite = hasRole(user.role, "analyst");
  const [stored, t, locale] = await Promise.all([listFeeds(), getTranslations("feeds"), getLocale()]);
  // A poll's error is stored as the API words it (English); the page words it in the reader's language.
  const words = await errorWording(isLocale(locale) ? locale : "en");
  const feeds = stored.map((feed) => (feed.lastError ? { ...feed, lastError: words.knownList(feed.lastError) } : feed));
  const countries = COUNTRIES.map((country) => ({ code: country.code, name: country.name })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["feeds", "table"]}>
        {canWrite ? <AddFeedForm countries={countries} /> : null}
        <FeedsTable feeds={feeds} canWrite={canWrite} now={Date.now()} />
      </ClientMessages>
    </>
  );
}
