"use client";

/**
 * The incidents table: declares the columns (from lib/incidents/columns, the same list the export uses) and
 * maps table events to the URL: sorting sets `sort` and resets the page, paging sets `page`.
 */
import { useMemo } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { DataTable, type DataTableColumn, type PaginationState, type SortingState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { usePendingNavigation } from "@/components/filters/navigation-pending";
import { INCIDENT_COLUMNS } from "@/lib/incidents/columns";
import type { IncidentRow } from "@/lib/incidents/queries";
import type { Sort, SortKey } from "@/lib/incidents/filters";
import { formatEventDate, formatFatalities, StatusBadge } from "./format";

type Props = {
  rows: IncidentRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: Sort;
  columns: string[];
  filtered: boolean;
};

const DESC_FIRST = new Set(["eventDate", "fatalities", "updatedAt", "id"]);

function cellFor(key: string): DataTableColumn<IncidentRow>["cell"] {
  switch (key) {
    case "id":
      return ({ row }) => (
        <Link href={`/incidents/${row.original.id}`} className="font-medium text-brand-700 hover:underline" onClick={(event) => event.stopPropagation()}>
          {row.original.id}
        </Link>
      );
    case "eventDate":
      return ({ row }) => <span className="whitespace-nowrap tabular-nums">{formatEventDate(row.original.eventDate, row.original.datePrecision)}</span>;
    case "fatalities":
      return ({ row }) =>
        row.original.fatalities === null ? <span className="text-slate-400" title="Unknown: not reported">?</span> : formatFatalities(row.original.fatalities);
    case "status":
      return ({ row }) => <StatusBadge status={row.original.status} />;
    case "summary":
      return ({ row }) => <p className="line-clamp-2 min-w-64 max-w-lg text-slate-700" title={row.original.summary}>{row.original.summary}</p>;
    case "actors":
      return ({ row }) => <span className="line-clamp-2 min-w-32 max-w-56">{row.original.actors}</span>;
    default:
      return undefined;
  }
}

export function IncidentsTable({ rows, total, page, pageSize, sort, columns, filtered }: Props) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const { pending, navigate } = usePendingNavigation();

  const tableColumns = useMemo<DataTableColumn<IncidentRow>[]>(
    () =>
      columns.flatMap((key) => {
        const column = INCIDENT_COLUMNS.find((candidate) => candidate.key === key);
        if (!column) return [];
        const def: DataTableColumn<IncidentRow> = {
          id: column.key,
          accessorFn: (row: IncidentRow) => (row as unknown as Record<string, unknown>)[column.key],
          header: column.label,
          enableSorting: Boolean(column.sortKey),
          sortDescFirst: DESC_FIRST.has(column.key),
          meta: { align: column.kind === "number" ? "right" : undefined, className: column.key === "country" || column.key === "admin1" ? "whitespace-nowrap" : undefined },
        };
        const cell = cellFor(column.key);
        return [cell ? { ...def, cell } : def];
      }),
    [columns],
  );

  const sortColumn = INCIDENT_COLUMNS.find((column) => column.sortKey === sort.key)?.key ?? sort.key;
  const sorting: SortingState = [{ id: sortColumn, desc: sort.dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };

  const go = (mutate: (params: URLSearchParams) => void) => {
    const params = new URLSearchParams(searchParams?.toString());
    mutate(params);
    navigate(`/incidents?${params}`);
  };
  const onSortingChange = (next: SortingState) => {
    const first = next[0];
    const key = INCIDENT_COLUMNS.find((column) => column.key === first?.id)?.sortKey as SortKey | undefined;
    if (!first || !key) return;
    go((params) => {
      if (key === "eventDate" && first.desc) params.delete("sort");
      else params.set("sort", `${first.desc ? "-" : ""}${key}`);
      params.delete("page");
    });
  };
  const onPaginationChange = (next: PaginationState) =>
    go((params) => {
      if (next.pageIndex === 0) params.delete("page");
      else params.set("page", String(next.pageIndex + 1));
    });

  return (
    <DataTable
      caption="Incidents"
      columns={tableColumns}
      data={rows}
      rowCount={total}
      sorting={sorting}
      onSortingChange={onSortingChange}
      pagination={pagination}
      onPaginationChange={onPaginationChange}
      getRowId={(row) => String(row.id)}
      pending={pending}
      onRowClick={(row) => router.push(`/incidents/${row.id}`)}
      empty={
        <EmptyState title={filtered ? "No incident matches these filters" : "No incidents yet"}>
          {filtered ? "Remove a filter or widen the date range." : "Incidents appear here once sources are ingested."}
        </EmptyState>
      }
    />
  );
}
