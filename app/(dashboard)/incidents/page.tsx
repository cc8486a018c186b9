import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { parseIncidentFilterTolerant, describeFilter } from "@/lib/incidents/filters";
import { parseColumns } from "@/lib/incidents/columns";
import { getIncidentPage } from "@/lib/incidents/table";
import { listSavedViews } from "@/lib/incidents/saved-views";
import { markIncidentsSeen } from "@/lib/incidents/arrivals";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FilterBar } from "@/components/filters/filter-bar";
import { PendingNavigationProvider } from "@/components/filters/navigation-pending";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { IncidentsTableSkeleton } from "@/components/incidents/incidents-table-skeleton";
import { ColumnChooser } from "@/components/incidents/column-chooser";
import { ExportButton } from "@/components/incidents/export-button";
import { SavedViews } from "@/components/incidents/saved-views";
import { WatchViewButton } from "@/components/alerts/watch-view-button";
import { surgeSettings } from "@/lib/alerts/settings";
import { formatTotal } from "@/components/incidents/format";
import type { IncidentFilter } from "@/lib/incidents/filters";
import { deleteViewAction, saveViewAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(PAGE_ROLES["/incidents"]);
  const params = await searchParams;
  const filter = parseIncidentFilterTolerant(params);
  const { keys: columns } = parseColumns(params.columns, "tolerant");
  const [views, t, tWatch] = await Promise.all([listSavedViews(user), getTranslations("incidents"), getTranslations("watches")]);
  const surge = surgeSettings();
  // Opening the list is the visit that the header's "new" count runs from.
  await markIncidentsSeen(user.id);

  return (
    <ClientMessages namespaces={["incidents", "columns", "export", "views", "table", "filters", "multiSelect", "watchView"]}>
    <PendingNavigationProvider>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterBar basePath="/incidents" filter={filter}>
        <SavedViews views={views} basePath="/incidents" saveAction={saveViewAction} deleteAction={deleteViewAction} />
        <WatchViewButton surgeRule={tWatch("surgeRule", { weekRatio: surge.weekRatio, weekMinAverage: surge.weekMinAverage, monthMinFatalities: surge.monthMinFatalities })} canShare={user.role === "admin"} />
      </FilterBar>
      {/* No key on the boundary: a filter change is a transition that keeps the current rows (dimmed)
          until the new ones arrive; the skeleton shows only on first load. */}
      <Suspense fallback={<IncidentsTableSkeleton columns={columns.length} />}>
        <IncidentsResults filter={filter} columns={columns} />
      </Suspense>
    </PendingNavigationProvider>
    </ClientMessages>
  );
}

async function IncidentsResults({ filter, columns }: { filter: IncidentFilter; columns: string[] }) {
  const [page, t, format] = await Promise.all([getIncidentPage(filter), getTranslations("incidents"), getFormat()]);
  const total = formatTotal(page.total, page.totalIsEstimate, format, (count) => t("about", { count }));
  const query = new URLSearchParams(describeFilterParams(filter)).toString();
  const filtered = Object.keys(describeFilter(filter)).some((key) => key !== "sort");
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600" data-testid="incident-total">
          {t.rich("total", { count: page.total, total, strong: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}
          {page.totalIsEstimate ? <span className="text-slate-600" title={t("estimateTitle")}> {t("estimate")}</span> : null}
        </p>
        <div className="ml-auto flex items-center gap-2">
          <ColumnChooser columns={columns} />
          <ExportButton query={query} columns={columns} total={total} />
        </div>
      </div>
      <IncidentsTable rows={page.rows} total={page.total} page={page.page} pageSize={page.pageSize} sort={filter.sort} columns={columns} filtered={filtered} />
    </>
  );
}

function describeFilterParams(filter: IncidentFilter): [string, string][] {
  return Object.entries(describeFilter(filter)).flatMap(([key, value]) => (Array.isArray(value) ? value.map((item): [string, string] => [key, item]) : [[key, value]]));
}
