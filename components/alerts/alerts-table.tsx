"use client";

/** The inbox: alerts newest first, each with why it fired and links to the incidents behind it. */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { ALERTS_CHANGED } from "@/components/layout/alerts-bell";
import { buttonClass } from "@/components/ui/button";
import type { AlertRow } from "@/lib/alerts/queries";

const SHOWN_INCIDENTS = 6;

export function AlertsTable({ alerts }: { alerts: AlertRow[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const markRead = async (body: object) => {
    setBusy(true);
    try {
      await fetch("/api/alerts/read", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      window.dispatchEvent(new Event(ALERTS_CHANGED));
      router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const columns: DataTableColumn<AlertRow>[] = [
    {
      id: "when",
      header: "When",
      enableSorting: false,
      cell: ({ row }) => <time dateTime={row.original.createdAt} className="whitespace-nowrap text-slate-600">{row.original.createdAt.slice(0, 16).replace("T", " ")} UTC</time>,
    },
    {
      id: "why",
      header: "Why",
      enableSorting: false,
      cell: ({ row }) => (
        <div className="max-w-xl">
          <div className={row.original.read ? "text-slate-700" : "font-semibold text-slate-900"}>
            {row.original.read ? null : <span aria-label="unread" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-red-600" />}
            {row.original.title}
          </div>
          <div className="text-xs text-slate-500">
            {row.original.kind === "surge" ? "Surge · " : ""}Watch: {row.original.watchName}
          </div>
        </div>
      ),
    },
    {
      id: "incidents",
      header: "Incidents",
      enableSorting: false,
      cell: ({ row }) => (
        <div className="flex max-w-xs flex-wrap gap-1">
          {row.original.incidentIds.slice(0, SHOWN_INCIDENTS).map((id) => (
            <Link key={id} href={`/incidents/${id}`} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:underline" data-testid="alert-incident">
              #{id}
            </Link>
          ))}
          {row.original.incidentIds.length > SHOWN_INCIDENTS ? <span className="text-xs text-slate-500">+{row.original.incidentIds.length - SHOWN_INCIDENTS} more</span> : null}
        </div>
      ),
    },
    {
      id: "actions",
      header: "",
      enableSorting: false,
      cell: ({ row }) =>
        row.original.read ? null : (
          <button type="button" disabled={busy} onClick={() => void markRead({ ids: [row.original.id] })} className="text-xs text-slate-500 hover:text-brand-700">
            Mark read
          </button>
        ),
    },
  ];

  return (
    <>
      {alerts.some((alert) => !alert.read) ? (
        <div className="mb-2 flex justify-end">
          <button type="button" disabled={busy} onClick={() => void markRead({ all: true })} className={buttonClass("secondary")}>
            Mark all read
          </button>
        </div>
      ) : null}
      <DataTable
        columns={columns}
        data={alerts}
        rowCount={alerts.length}
        sorting={[]}
        onSortingChange={() => {}}
        pagination={{ pageIndex: 0, pageSize: Math.max(1, alerts.length) }}
        onPaginationChange={() => {}}
        getRowId={(alert) => String(alert.id)}
        caption="Alerts"
        empty={
          <p className="text-center text-sm text-slate-500">
            No alert yet. Open <Link href="/incidents" className="text-brand-700 underline">Incidents</Link>, filter, and choose “Watch this view”.
          </p>
        }
      />
    </>
  );
}
