import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { PageHeader } from "@/components/ui/page-header";
import { listAlerts } from "@/lib/alerts/queries";
import { reasonWords, wordAlerts } from "@/lib/alerts/wording";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import type { Messages } from "@/lib/i18n/messages";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AlertsPage() {
  const user = await requirePageUser(PAGE_ROLES["/alerts"]);
  const [alerts, t, locale, messages] = await Promise.all([listAlerts(user, { limit: 200 }), getTranslations("alerts"), getLocale(), getMessages()]);
  // Why each alert fired, in the reader's language.
  const worded = wordAlerts(alerts, reasonWords(locale, messages as unknown as Messages));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["alerts", "table", "header"]}>
        <AlertsTable alerts={worded} />
      </ClientMessages>
    </>
  );
}
