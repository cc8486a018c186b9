import type { Metadata } from "next";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { PageHeader } from "@/components/ui/page-header";
import { listAlerts } from "@/lib/alerts/queries";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsPage() {
  const user = await requirePageUser(PAGE_ROLES["/alerts"]);
  const alerts = await listAlerts(user, { limit: 200 });
  return (
    <>
      <PageHeader title="Alerts" description="What your watches (and the team's shared ones) caught: newest first, each with the incidents that set it off." />
      <AlertsTable alerts={alerts} />
    </>
  );
}
