import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { WatchesTable } from "@/components/alerts/watches-table";
import { PageHeader } from "@/components/ui/page-header";
import { listWatches } from "@/lib/alerts/queries";
import { surgeSettings } from "@/lib/alerts/settings";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("watches"))("title") };
}
export const dynamic = "force-dynamic";

export default async function WatchesPage() {
  const user = await requirePageUser(PAGE_ROLES["/watches"]);
  const [watches, t] = await Promise.all([listWatches(user), getTranslations("watches")]);
  const surge = surgeSettings();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["watches", "table"]}>
        <WatchesTable watches={watches} />
      </ClientMessages>
      <p className="mt-3 max-w-3xl text-xs text-slate-600">
        {t("rules")} {t("surgeRule", { weekRatio: surge.weekRatio, weekMinAverage: surge.weekMinAverage, monthMinFatalities: surge.monthMinFatalities })}
      </p>
    </>
  );
}
