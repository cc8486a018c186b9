"use client";

/** The inbox: alerts newest first, each with why it fired and links to the incidents behind it. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { useRowRequest } from "@/components/data-table/use-row-request";
import { ALERTS_CHANGED } from "@/components/layout/alerts-bell";
import { buttonClass } from "@/components/ui/button";
import { useFormat } from "@/components/ui/use-format";
import type { AlertRow } from "@/lib/alerts/queries";

const SHOWN_INCIDENTS = 6;

export function AlertsTable({ alerts }: { alerts: AlertRow[] }) {
  const t = useTranslations("alerts");
  const format = useFormat();
  const request = useRowRequest();
  const busy = request.busy !== null;
  const markRead = async (body: object) => {
    await request.send(true, "/api/alerts/read", { method: "POST", body });
    window.dispatchEvent(new Event(ALERTS_CHANGED));
  };

  const columns: DataTableColumn<AlertRow>[] = [
    {
      id: "when",
      header: t("when"),
      cell: ({ row }) => <time dateTime={row.original.createdAt} className="whitespace-nowrap text-slate-600">{format.dateTime(row.original.createdAt)} UTC</time>,
    },
    {
      id: "why",
      header: t("why"),
      cell: ({ row }) => (
        <div className="max-w-xl">
          <div className={row.original.read ? "text-slate-700" : "font-semibold text-slate-900"}>
            {row.original.read ? null : <span aria-label={t("unread")} role="img" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-red-600" />}
            {row.original.title}
          </div>
          <div className="text-xs text-slate-600">
            {row.original.kind === "surge" ? t("surge") : ""}
            {t("watch", { name: row.original.watchName })}
          </div>
        </div>
      ),
    },
    {
      id: "incidents",
      header: t("incidents"),
      cell: ({ row }) => (
        <div className="flex max-w-xs flex-wrap gap-1">
          {row.original.incidentIds.slice(0, SHOWN_INCIDENTS).map((id) => (
            <Link key={id} href={`/incidents/${id}`} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:underline" data-testid="alert-incident">
              #{id}
            </Link>
          ))}
          {row.original.incidentIds.length > SHOWN_INCIDENTS ? <span className="text-xs text-slate-600">{t("more", { count: row.original.incidentIds.length - SHOWN_INCIDENTS })}</span> : null}
        </div>
      ),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("actions")}</span>,
      cell: ({ row }) =>
        row.original.read ? null : (
          <button type="button" disabled={busy} onClick={() => void markRead({ ids: [row.original.id] })} className="text-xs text-slate-600 hover:text-brand-700">
            {t("markRead")}
          </button>
        ),
    },
  ];

  return (
    <>
      {alerts.some((alert) => !alert.read) ? (
        <div className="mb-2 flex justify-end">
          <button type="button" disabled={busy} onClick={() => void markRead({ all: true })} className={buttonClass("secondary")}>
            {t("markAllRead")}
          </button>
        </div>
      ) : null}
      <DataTable
        columns={columns}
        data={alerts}
        getRowId={(alert) => String(alert.id)}
        caption={t("title")}
        empty={
          <p className="text-center text-sm text-slate-600">
            {t.rich("empty", {
              link: (chunks) => (
                <Link href="/incidents" className="text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        }
      />
    </>
  );
}
