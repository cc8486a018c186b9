import { Suspense } from "react";
import type { Metadata } from "next";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { describeFilter, parseIncidentFilterTolerant, type IncidentFilter } from "@/lib/incidents/filters";
import type { StatsBucket } from "@/lib/incidents/stats";
import { getCachedOverviewStats } from "@/lib/incidents/stats-cache";
import { FilterBar } from "@/components/filters/filter-bar";
import { PendingNavigationProvider } from "@/components/filters/navigation-pending";
import { OverviewDashboard } from "@/components/charts/overview-dashboard";
import { OverviewSkeleton } from "@/components/charts/overview-skeleton";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(PAGE_ROLES["/overview"]);
  const params = await searchParams;
  const filter = parseIncidentFilterTolerant(params);
  // Tolerant like the filter: an unknown bucket in a hand-edited link falls back to months.
  const bucket: StatsBucket = params.bucket === "week" ? "week" : "month";

  return (
    <PendingNavigationProvider>
      <PageHeader title="Overview" description="Where incidents concentrate, who is active, and how it changes. Click any bar or region to filter." />
      <FilterBar basePath="/overview" filter={filter} />
      <Suspense key={JSON.stringify([describeFilter(filter), bucket])} fallback={<OverviewSkeleton />}>
        <OverviewResults filter={filter} bucket={bucket} />
      </Suspense>
    </PendingNavigationProvider>
  );
}

async function OverviewResults({ filter, bucket }: { filter: IncidentFilter; bucket: StatsBucket }) {
  const { stats, computedAt } = await getCachedOverviewStats(filter, bucket);
  return (
    <>
      <p className="mb-2 text-right text-xs text-slate-500">
        Figures as of <time dateTime={computedAt.toISOString()}>{computedAt.toISOString().slice(11, 19)} UTC</time>
      </p>
      <OverviewDashboard stats={stats} filter={filter} />
    </>
  );
}
