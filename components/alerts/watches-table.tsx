"use client";

/** The user's watches and the team's shared ones, with their conditions and deliveries; owners change them in place. */
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { useRowRequest } from "@/components/data-table/use-row-request";
import type { WatchRow } from "@/lib/alerts/queries";

const small = "rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:text-slate-300";

type WatchWords = ReturnType<typeof useTranslations<"watches">>;

function conditionLabel(watch: WatchRow, t: WatchWords): string {
  if (watch.condition === "fatalities") return t("killedAtLeast", { count: watch.minFatalities ?? 0 });
  if (watch.condition === "surge") return t("surge");
  return t("everyIncident");
}

function deliveryLabel(watch: WatchRow, t: WatchWords): string {
  const parts = [t("inApp")];
  if (watch.emailMode !== "off") parts.push(watch.emailMode === "immediate" ? t("email") : t("digest", { mode: watch.emailMode }));
  if (watch.webhookUrl) parts.push(t("webhook"));
  return parts.join(" · ");
}

export function WatchesTable({ watches }: { watches: WatchRow[] }) {
  const t = useTranslations("watches");
  const { busy, send } = useRowRequest<number>();
  const [error, setError] = useState<string | null>(null);
  const run = async (id: number, init: { method: string; body?: unknown }) => {
    setError(null);
    const response = await send(id, `/api/watches/${id}`, init);
    if (!response.ok) setError(response.json?.message ?? `HTTP ${response.status}`);
  };

  const columns: DataTableColumn<WatchRow>[] = [
    {
      id: "name",
      header: t("watch"),
      cell: ({ row }) => (
        <div className="max-w-sm">
          <div className="font-medium text-slate-900">{row.original.name}</div>
          <Link href={row.original.query ? `/incidents?${row.original.query}` : "/incidents"} className="block truncate text-xs text-brand-700 hover:underline" title={row.original.query}>
            {row.original.query ? decodeURIComponent(row.original.query.replace(/\+/g, " ")).replace(/&/g, " · ") : t("allIncidents")}
          </Link>
        </div>
      ),
    },
    {
      id: "condition",
      header: t("alertOn"),
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          {conditionLabel(row.original, t)}
          {row.original.verifiedOnly ? <span className="ml-1 text-xs text-slate-600">{t("verifiedOnly")}</span> : null}
        </span>
      ),
    },
    { id: "delivery", header: t("delivery"), cell: ({ row }) => <span className="whitespace-nowrap text-slate-600">{deliveryLabel(row.original, t)}</span> },
    {
      id: "owner",
      header: t("owner"),
      cell: ({ row }) => <span className="text-slate-600">{row.original.mine ? t("you") : row.original.ownerName}{row.original.shared ? <span className="ml-1 rounded bg-slate-100 px-1 text-xs">{t("shared")}</span> : null}</span>,
    },
    { id: "alerts", header: t("alerts"), meta: { align: "right" }, cell: ({ row }) => row.original.alerts },
    {
      id: "state",
      header: () => <span className="sr-only">{t("state")}</span>,
      cell: ({ row }) =>
        row.original.canEdit ? (
          <div className="flex gap-1">
            <button type="button" className={small} disabled={busy === row.original.id} onClick={() => void run(row.original.id, { method: "PATCH", body: { active: !row.original.active } })}>
              {row.original.active ? t("pause") : t("resume")}
            </button>
            <button
              type="button"
              className={small}
              disabled={busy === row.original.id}
              onClick={() => confirm(t("confirmDelete", { name: row.original.name })) && void run(row.original.id, { method: "DELETE" })}
            >
              {t("delete")}
            </button>
          </div>
        ) : (
          <span className="text-xs text-slate-600">{row.original.active ? "" : t("paused")}</span>
        ),
    },
  ];

  return (
    <>
      {error ? <p className="mb-2 text-sm text-red-600">{error}</p> : null}
      <DataTable
        columns={columns}
        data={watches}
        getRowId={(watch) => String(watch.id)}
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
