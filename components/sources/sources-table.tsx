"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { useFormat } from "@/components/ui/use-format";

export type SourceRow = {
  id: number;
  title: string | null;
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  ingestedAt: string;
  ingestedBy: string;
  incidents: number;
};

export function SourcesTable({ rows }: { rows: SourceRow[] }) {
  const t = useTranslations("sources");
  const format = useFormat();
  const columns: DataTableColumn<SourceRow>[] = [
    {
      id: "title",
      header: t("column.title"),
      meta: { className: "max-w-xl" },
      cell: ({ row }) => (
        <>
          <Link href={`/sources/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {row.original.title ?? t("untitled")}
          </Link>
          {row.original.url ? <div className="truncate text-xs text-slate-600">{row.original.url}</div> : null}
        </>
      ),
    },
    { id: "publisher", header: t("column.publisher"), cell: ({ row }) => row.original.publisher ?? "—" },
    {
      id: "published",
      header: t("column.published"),
      meta: { className: "whitespace-nowrap tabular-nums" },
      cell: ({ row }) => (row.original.publishedAt ? format.day(row.original.publishedAt) : "—"),
    },
    { id: "language", header: t("column.language"), meta: { className: "uppercase text-slate-600" }, cell: ({ row }) => row.original.language ?? "—" },
    {
      id: "incidents",
      header: t("column.incidents"),
      meta: { align: "right" },
      cell: ({ row }) => (
        <Link href={`/incidents?source=${row.original.id}`} className="text-brand-700 hover:underline">
          {row.original.incidents}
        </Link>
      ),
    },
    {
      id: "ingested",
      header: t("column.ingested"),
      meta: { className: "whitespace-nowrap text-slate-600" },
      cell: ({ row }) => `${format.dateTime(row.original.ingestedAt)} · ${row.original.ingestedBy}`,
    },
  ];
  return <DataTable caption={t("tableLabel")} columns={columns} data={rows} getRowId={(row) => String(row.id)} />;
}
