import type { Metadata } from "next";
import { WatchesTable } from "@/components/alerts/watches-table";
import { PageHeader } from "@/components/ui/page-header";
import { surgeRuleText } from "@/lib/alerts/describe";
import { listWatches } from "@/lib/alerts/queries";
import { surgeSettings } from "@/lib/alerts/settings";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Watches" };
export const dynamic = "force-dynamic";

export default async function WatchesPage() {
  const user = await requirePageUser(PAGE_ROLES["/watches"]);
  const watches = await listWatches(user);
  return (
    <>
      <PageHeader title="Watches" description="Saved filters that alert you when something new matches. Create one from the Incidents page with “Watch this view”." />
      <WatchesTable watches={watches} />
      <p className="mt-3 max-w-3xl text-xs text-slate-500">
        Each incident alerts a watch once, however often it is edited; incidents that matched before the watch existed do not alert. At most
        the watch&apos;s hourly limit of messages is sent; the rest waits for the next hour. {surgeRuleText(surgeSettings())}
      </p>
    </>
  );
}
