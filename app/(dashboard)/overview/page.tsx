import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
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
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(PAGE_ROLES["/overview"]);
  const params = await searchParams;
  const filter = parseIncidentFilterTolerant(params);
  // Tolerant like the filter: an unknown bucket in a hand-edited link falls back to months.
  const bucket: StatsBucket = params.bucket === "week" ? "week" : "month";
  const t = await getTranslations("overview");

  return (
    <ClientMessages namespaces={["overview", "keyFigures", "charts", "map", "filters", "multiSelect"]}>
    <PendingNavigationProvider>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterBar basePath="/overview" filter={filter} />
      <Suspense key={JSON.stringify([describeFilter(filter), bucket])} fallback={<OverviewSkeleton />}>
        <OverviewResults filter={filter} bucket={bucket} />
      </Suspense>
    </PendingNavigationProvider>
    </ClientMessages>
  );
}

async function OverviewResults({ filter, bucket }: { filter: IncidentFilter; bucket: StatsBucket }) {
  const [{ stats, computedAt }, t, format] = await Promise.all([getCachedOverviewStats(filter, bucket), getTranslations("overview"), getFormat()]);
  return (
    <>
      <p className="mb-2 text-right text-xs text-slate-600">
        <time dateTime={computedAt.toISOString()}>{t("asOf", { date: format.day(computedAt), time: computedAt.toISOString().slice(11, 19) })}</time>
      </p>
      <OverviewDashboard stats={stats} filter={filter} />
    </>
  );
}
