"use client";

/**
 * The incidents table: declares the columns (from lib/incidents/columns, the same list the export uses) and
 * maps table events to the URL: sorting sets `sort` and resets the page, paging sets `page`.
 */
import { useMemo } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { useFormat } from "@/components/ui/use-format";
import type { Formatter } from "@/lib/i18n/format";
import { DataTable, type DataTableColumn, type PaginationState, type SortingState } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { usePendingNavigation } from "@/components/filters/navigation-pending";
import { INCIDENT_COLUMNS } from "@/lib/incidents/columns";
import type { IncidentRow } from "@/lib/incidents/types";
import type { Sort, SortKey } from "@/lib/incidents/filters";
import { EventDate, StatusBadge } from "./format";

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

type Tools = { label: ReturnType<typeof useCodeLabel>; format: Formatter; unknownTitle: string };

function cellFor(key: string, { label, format, unknownTitle }: Tools): DataTableColumn<IncidentRow>["cell"] {
  switch (key) {
    case "id":
      return ({ row }) => (
        <Link href={`/incidents/${row.original.id}`} className="font-medium text-brand-700 hover:underline" onClick={(event) => event.stopPropagation()}>
          {row.original.id}
        </Link>
      );
    case "eventDate":
      return ({ row }) => (
        <span className="whitespace-nowrap tabular-nums">
          <EventDate eventDate={row.original.eventDate} precision={row.original.datePrecision} />
        </span>
      );
    case "country":
      return ({ row }) => label("country", row.original.country);
    case "eventType":
      return ({ row }) => label("eventType", row.original.eventType);
    case "subEventType":
      return ({ row }) => label("subEventType", row.original.subEventType);
    case "datePrecision":
      return ({ row }) => label("datePrecision", row.original.datePrecision);
    case "fatalities":
      return ({ row }) =>
        row.original.fatalities === null ? <span className="text-slate-600" title={unknownTitle}>?</span> : format.number(row.original.fatalities);
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
  const t = useTranslations("incidents");
  const tColumn = useTranslations("columns");
  const label = useCodeLabel();
  const format = useFormat();

  const tableColumns = useMemo<DataTableColumn<IncidentRow>[]>(
    () =>
      columns.flatMap((key) => {
        const column = INCIDENT_COLUMNS.find((candidate) => candidate.key === key);
        if (!column) return [];
        const def: DataTableColumn<IncidentRow> = {
          id: column.key,
          accessorFn: (row: IncidentRow) => (row as unknown as Record<string, unknown>)[column.key],
          header: tColumn(column.key as Parameters<typeof tColumn>[0]),
          enableSorting: Boolean(column.sortKey),
          sortDescFirst: DESC_FIRST.has(column.key),
          meta: { align: column.kind === "number" ? "right" : undefined, className: column.key === "country" || column.key === "admin1" ? "whitespace-nowrap" : undefined },
        };
        const cell = cellFor(column.key, { label, format, unknownTitle: t("unknownFatalities") });
        return [cell ? { ...def, cell } : def];
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the translators change only with the language
    [columns, format.locale],
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
      caption={t("caption")}
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
        <EmptyState title={filtered ? t("empty.filteredTitle") : t("empty.title")}>
          {filtered ? t("empty.filteredBody") : t("empty.body")}
        </EmptyState>
      }
    />
  );
}
