"use client";

/**
 * The one table of Vigie: TanStack Table v9 (`useTable`) in manual mode. The server has already filtered,
 * sorted and paginated the rows; the table renders them, reports sort and page changes to its owner (which
 * writes them into the URL), and never sorts or slices on the client. Features declare only their columns.
 * A list shown whole (users, tokens, one page of the audit trail) leaves out sorting and pagination: its
 * columns are then fixed and no pager is drawn.
 */
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });

export type DataTableFeatures = typeof features;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of one table carry different value types
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any> & { meta?: { align?: "right"; className?: string } };
export type { PaginationState, SortingState };

type Props<TData extends RowData> = {
  columns: DataTableColumn<TData>[];
  data: TData[];
  /** Total rows of the query (for the page count); the rows given when there is no pagination. */
  rowCount?: number;
  /** Without it, no column sorts. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** Without it, every row is shown and there is no pager. */
  pagination?: PaginationState;
  onPaginationChange?: (pagination: PaginationState) => void;
  getRowId: (row: TData) => string;
  /** Per-row class and test id (a disabled account greyed out, a row tests find by its e-mail). */
  rowAttributes?: (row: TData) => { className?: string; testId?: string };
  /** Dims the current rows while the next ones load, instead of blanking the table. */
  pending?: boolean;
  empty?: ReactNode;
  onRowClick?: (row: TData) => void;
  caption?: string;
};

const resolve = <T,>(updater: Updater<T>, current: T): T => (typeof updater === "function" ? (updater as (old: T) => T)(current) : updater);
const NO_SORTING: SortingState = [];

export function DataTable<TData extends RowData>({
  columns,
  data,
  rowCount = data.length,
  sorting = NO_SORTING,
  onSortingChange,
  pagination,
  onPaginationChange,
  getRowId,
  rowAttributes,
  pending = false,
  empty,
  onRowClick,
  caption,
}: Props<TData>) {
  const page = pagination ?? { pageIndex: 0, pageSize: Math.max(1, data.length) };
  const table = useTable({
    features,
    columns,
    data,
    getRowId,
    rowCount,
    state: { sorting, pagination: page },
    manualSorting: true,
    manualPagination: true,
    enableSorting: Boolean(onSortingChange),
    enableMultiSort: false,
    enableSortingRemoval: false,
    onSortingChange: (updater) => onSortingChange?.(resolve(updater, sorting)),
    onPaginationChange: (updater) => onPaginationChange?.(resolve(updater, page)),
  });
  const rows = table.getRowModel().rows;
  const t = useTranslations("table");

  return (
    <div className="relative overflow-hidden rounded-lg border border-slate-200 bg-white">
      {pending ? (
        <div role="progressbar" aria-label={t("loading")} className="absolute inset-x-0 top-0 z-10 h-0.5 overflow-hidden bg-brand-100">
          <div className="h-full w-1/3 animate-[pulse_1s_ease-in-out_infinite] bg-brand-500" />
        </div>
      ) : null}
      {/* Focusable so keyboard users can scroll a table wider than the screen. */}
      <div className="overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500" tabIndex={0} role="region" aria-label={caption ?? t("label")}>
        <table className={`w-full border-collapse text-sm transition-opacity ${pending ? "opacity-60" : ""}`} aria-busy={pending}>
          {caption ? <caption className="sr-only">{caption}</caption> : null}
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-slate-200">
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const meta = (header.column.columnDef as DataTableColumn<TData>).meta;
                  const label = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`whitespace-nowrap px-3 py-2 ${meta?.align === "right" ? "text-right" : ""}`}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={`inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${sorted ? "text-slate-900" : ""}`}
                        >
                          {label}
                          <span aria-hidden className="text-[10px]">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="p-4">
                  {empty ?? <p className="text-center text-sm text-slate-600">{t("noRows")}</p>}
                </td>
              </tr>
            ) : (
              rows.map((row) => {
                const attributes = rowAttributes?.(row.original);
                return (
                  <tr
                    key={row.id}
                    onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                    data-testid={attributes?.testId}
                    className={`border-b border-slate-100 last:border-0 even:bg-slate-50/40 ${onRowClick ? "cursor-pointer hover:bg-brand-50/60" : ""} ${attributes?.className ?? ""}`}
                  >
                    {row.getAllCells().map((cell) => {
                      const meta = (cell.column.columnDef as DataTableColumn<TData>).meta;
                      return (
                        <td key={cell.id} className={`px-3 py-1.5 align-top ${meta?.align === "right" ? "text-right tabular-nums" : ""} ${meta?.className ?? ""}`}>
                          <table.FlexRender cell={cell} />
                        </td>
                      );
                    })}
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      {pagination ? (
        <DataTablePager
          pageIndex={pagination.pageIndex}
          pageCount={table.getPageCount()}
          canPrevious={table.getCanPreviousPage()}
          canNext={table.getCanNextPage()}
          onFirst={() => table.firstPage()}
          onPrevious={() => table.previousPage()}
          onNext={() => table.nextPage()}
          onLast={() => table.lastPage()}
        />
      ) : null}
    </div>
  );
}

function DataTablePager(props: {
  pageIndex: number;
  pageCount: number;
  canPrevious: boolean;
  canNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onLast: () => void;
}) {
  const t = useTranslations("table");
  const format = useFormat();
  const button = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:text-slate-400";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-end gap-2 border-t border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-700">
      <span>{t("pageOf", { page: format.number(props.pageIndex + 1), pages: format.number(Math.max(1, props.pageCount)) })}</span>
      <button type="button" className={button} disabled={!props.canPrevious} onClick={props.onFirst} aria-label={t("first")}>
        «
      </button>
      <button type="button" className={button} disabled={!props.canPrevious} onClick={props.onPrevious}>
        {t("previous")}
      </button>
      <button type="button" className={button} disabled={!props.canNext} onClick={props.onNext}>
        {t("next")}
      </button>
      <button type="button" className={button} disabled={!props.canNext} onClick={props.onLast} aria-label={t("last")}>
        »
      </button>
    </nav>
  );
}
