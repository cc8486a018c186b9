"use client";

import { useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { useFormat } from "@/components/ui/use-format";
import type { AuditRow } from "@/lib/audit/queries";

/** An audit row as the page hands it over: the date already serialized. */
export type AuditTableRow = Omit<AuditRow, "createdAt"> & { createdAt: string };

/** Details as compact `key=value` pairs: readable in a dense row, complete on hover. */
function describe(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (typeof details !== "object" || Array.isArray(details)) return JSON.stringify(details);
  return Object.entries(details as Record<string, unknown>)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("  ");
}

/** Who acted when no signed-in user did: the command line, or an anonymous sign-in attempt. */
function actorless(details: unknown, commandLine: string): string {
  const via = details && typeof details === "object" ? (details as Record<string, unknown>).via : undefined;
  return via === "cli" ? commandLine : "—";
}

const ACTION_TONES: [prefix: string, className: string][] = [
  ["auth.login_failed", "bg-red-50 text-red-700 ring-red-200"],
  ["auth.login_throttled", "bg-amber-50 text-amber-800 ring-amber-200"],
  ["auth.", "bg-slate-100 text-slate-700 ring-slate-200"],
  ["user.", "bg-violet-50 text-violet-700 ring-violet-200"],
  ["token.", "bg-sky-50 text-sky-700 ring-sky-200"],
];

function tone(action: string): string {
  return ACTION_TONES.find(([prefix]) => action.startsWith(prefix))?.[1] ?? "bg-brand-50 text-brand-700 ring-brand-100";
}

export function AuditTable({ rows }: { rows: AuditTableRow[] }) {
  const t = useTranslations("audit");
  const format = useFormat();
  const columns: DataTableColumn<AuditTableRow>[] = [
    {
      id: "time",
      header: t("column.time"),
      meta: { className: "whitespace-nowrap tabular-nums text-slate-600" },
      cell: ({ row }) => `${format.day(row.original.createdAt)} ${row.original.createdAt.slice(11, 19)}`,
    },
    {
      id: "user",
      header: t("column.user"),
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => row.original.userEmail ?? <span className="text-slate-600">{actorless(row.original.details, t("commandLine"))}</span>,
    },
    {
      id: "action",
      header: t("column.action"),
      meta: { className: "whitespace-nowrap" },
      cell: ({ row }) => <span className={`rounded px-1.5 py-0.5 font-mono text-xs ring-1 ${tone(row.original.action)}`}>{row.original.action}</span>,
    },
    {
      id: "target",
      header: t("column.target"),
      meta: { className: "whitespace-nowrap text-slate-600" },
      cell: ({ row }) => (row.original.targetType ? `${row.original.targetType} ${row.original.targetId ?? ""}` : "—"),
    },
    {
      id: "details",
      header: t("column.details"),
      meta: { className: "max-w-xl truncate font-mono text-xs text-slate-600" },
      cell: ({ row }) => {
        const details = describe(row.original.details);
        return <span title={details}>{details}</span>;
      },
    },
    { id: "address", header: t("column.address"), meta: { className: "whitespace-nowrap font-mono text-xs text-slate-600" }, cell: ({ row }) => row.original.ip ?? "" },
  ];
  return <DataTable caption={t("tableLabel")} columns={columns} data={rows} getRowId={(row) => String(row.id)} />;
}
