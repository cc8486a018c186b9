import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { PageHeader } from "@/components/ui/page-header";
import { listAlerts } from "@/lib/alerts/queries";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AlertsPage() {
  const user = await requirePageUser(PAGE_ROLES["/alerts"]);
  const [alerts, t] = await Promise.all([listAlerts(user, { limit: 200 }), getTranslations("alerts")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["alerts", "table", "header"]}>
        <AlertsTable alerts={alerts} />
      </ClientMessages>
    </>
  );
}
