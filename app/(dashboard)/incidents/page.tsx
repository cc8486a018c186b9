import { Suspense } from "react";
import type { Metadata } from "next";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { parseIncidentFilterTolerant, describeFilter } from "@/lib/incidents/filters";
import { parseColumns } from "@/lib/incidents/columns";
import { getIncidentPage, listSavedViews } from "@/lib/incidents/queries";
import { markIncidentsSeen } from "@/lib/incidents/arrivals";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar } from "@/components/filters/filter-bar";
import { PendingNavigationProvider } from "@/components/filters/navigation-pending";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { IncidentsTableSkeleton } from "@/components/incidents/incidents-table-skeleton";
import { ColumnChooser } from "@/components/incidents/column-chooser";
import { ExportButton } from "@/components/incidents/export-button";
import { SavedViews } from "@/components/incidents/saved-views";
import { WatchViewButton } from "@/components/alerts/watch-view-button";
import { surgeRuleText } from "@/lib/alerts/describe";
import { surgeSettings } from "@/lib/alerts/settings";
import { formatTotal } from "@/components/incidents/format";
import type { IncidentFilter } from "@/lib/incidents/filters";
import { deleteViewAction, saveViewAction } from "./actions";

export const metadata: Metadata = { title: "Incidents" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(PAGE_ROLES["/incidents"]);
  const params = await searchParams;
  const filter = parseIncidentFilterTolerant(params);
  const { keys: columns } = parseColumns(params.columns, "tolerant");
  const views = await listSavedViews(user);
  // Opening the list is the visit that the header's "new" count runs from.
  await markIncidentsSeen(user.id);

  return (
    <PendingNavigationProvider>
      <PageHeader title="Incidents" description="Every incident of the current filter; the link of this page is the view." />
      <FilterBar basePath="/incidents" filter={filter}>
        <SavedViews views={views} basePath="/incidents" saveAction={saveViewAction} deleteAction={deleteViewAction} />
        <WatchViewButton surgeRule={surgeRuleText(surgeSettings())} canShare={user.role === "admin"} />
      </FilterBar>
      {/* No key on the boundary: a filter change is a transition that keeps the current rows (dimmed)
          until the new ones arrive; the skeleton shows only on first load. */}
      <Suspense fallback={<IncidentsTableSkeleton columns={columns.length} />}>
        <IncidentsResults filter={filter} columns={columns} />
      </Suspense>
    </PendingNavigationProvider>
  );
}

async function IncidentsResults({ filter, columns }: { filter: IncidentFilter; columns: string[] }) {
  const page = await getIncidentPage(filter);
  const total = formatTotal(page.total, page.totalIsEstimate);
  const query = new URLSearchParams(describeFilterParams(filter)).toString();
  const filtered = Object.keys(describeFilter(filter)).some((key) => key !== "sort");
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600" data-testid="incident-total">
          <span className="font-semibold text-slate-900">{total}</span> incident{page.total === 1 ? "" : "s"}
          {page.totalIsEstimate ? <span className="text-slate-400" title="Estimated by the database planner: counting this many rows exactly would slow every page"> (estimate)</span> : null}
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
