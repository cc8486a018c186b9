import type { Metadata } from "next";
import { AddFeedForm } from "@/components/feeds/add-feed-form";
import { FeedsTable } from "@/components/feeds/feeds-table";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { hasRole, requirePageUser } from "@/lib/auth/guard";
import { listFeeds } from "@/lib/feeds/queries";
import { COUNTRIES } from "@/lib/ingest/gazetteer";

export const metadata: Metadata = { title: "Feeds" };
export const dynamic = "force-dynamic";

export default async function FeedsPage() {
  const user = await requirePageUser(PAGE_ROLES["/feeds"]);
  const canWrite = hasRole(user.role, "analyst");
  const feeds = await listFeeds();
  const countries = COUNTRIES.map((country) => ({ code: country.code, name: country.name })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <PageHeader
        title="Feeds"
        description="RSS and Atom feeds Vigie follows: new articles become incidents on their own, polled politely on each feed's schedule."
      />
      {canWrite ? <AddFeedForm countries={countries} /> : null}
      <FeedsTable feeds={feeds} canWrite={canWrite} now={Date.now()} />
    </>
  );
}
