"use client";

/** The subscribed feeds and their health, on the generic DataTable; analysts change them in place. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import type { FeedRow } from "@/lib/feeds/queries";
import { INTERVAL_CHOICES, intervalLabel, relativeTime, useFeedWords } from "./format";

const small = "rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:text-slate-300";

function useFeedAction() {
  const router = useRouter();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (id: number, init: RequestInit) => {
    setBusy(id);
    setError(null);
    try {
      const response = await fetch(`/api/feeds/${id}`, { ...init, headers: { "content-type": "application/json" } });
      if (!response.ok) setError(((await response.json().catch(() => ({}))) as { message?: string }).message ?? `HTTP ${response.status}`);
      router.refresh();
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}

export function FeedsTable({ feeds, canWrite, now }: { feeds: FeedRow[]; canWrite: boolean; now: number }) {
  const { busy, error, run } = useFeedAction();
  const t = useTranslations("feeds");
  const words = useFeedWords();
  const patch = (id: number, body: object) => run(id, { method: "PATCH", body: JSON.stringify(body) });

  const columns: DataTableColumn<FeedRow>[] = [
    {
      id: "feed",
      header: t("feed"),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="max-w-md">
          <div className="font-medium text-slate-900">{row.original.title ?? t("untitled")}</div>
          <div className="truncate text-xs text-slate-600" title={row.original.url}>
            {row.original.url}
          </div>
          {row.original.language || row.original.country ? (
            <div className="text-xs text-slate-500">{[row.original.language?.toUpperCase(), row.original.country].filter(Boolean).join(" · ")}</div>
          ) : null}
        </div>
      ),
    },
    {
      id: "state",
      header: t("state"),
      enableSorting: false,
      cell: ({ row }) => {
        const feed = row.original;
        if (feed.paused) return <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">{t("paused")}</span>;
        if (feed.lastError)
          return (
            <div className="max-w-xs">
              <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">{t("failing")}{feed.failureCount > 1 ? ` ×${feed.failureCount}` : ""}</span>
              <div className="mt-0.5 text-xs text-red-700" data-testid="feed-error">{feed.lastError}</div>
            </div>
          );
        return <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">{feed.lastPollAt ? t("ok") : t("waiting")}</span>;
      },
    },
    {
      id: "interval",
      header: t("every"),
      enableSorting: false,
      cell: ({ row }) =>
        canWrite ? (
          <select
            aria-label={t("intervalOf", { name: row.original.title ?? row.original.url })}
            value={row.original.intervalMinutes}
            disabled={busy === row.original.id}
            onChange={(event) => void patch(row.original.id, { intervalMinutes: Number(event.target.value) })}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
          >
            {[...new Set([...INTERVAL_CHOICES, row.original.intervalMinutes])].sort((a, b) => a - b).map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalLabel(minutes, words)}
              </option>
            ))}
          </select>
        ) : (
          intervalLabel(row.original.intervalMinutes, words)
        ),
    },
    { id: "lastPoll", header: t("lastPoll"), enableSorting: false, cell: ({ row }) => <span className="whitespace-nowrap">{relativeTime(row.original.lastPollAt, now, words)}</span> },
    { id: "lastSuccess", header: t("lastSuccess"), enableSorting: false, cell: ({ row }) => <span className="whitespace-nowrap">{relativeTime(row.original.lastSuccessAt, now, words)}</span> },
    {
      id: "nextPoll",
      header: t("nextPoll"),
      enableSorting: false,
      cell: ({ row }) => <span className="whitespace-nowrap">{row.original.paused ? "—" : relativeTime(row.original.nextPollAt, now, words)}</span>,
    },
    { id: "items", header: t("items"), enableSorting: false, meta: { align: "right" }, cell: ({ row }) => <span data-testid="feed-items">{row.original.itemsSeen}</span> },
    {
      id: "sources",
      header: t("sources"),
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row }) => (
        <span title={t("itemsTitle", { pending: row.original.pendingItems, failed: row.original.failedItems })}>
          {row.original.sources}
          {row.original.failedItems ? <span className="ml-1 text-xs text-red-700">{t("failedCount", { count: row.original.failedItems })}</span> : null}
        </span>
      ),
    },
    { id: "incidents", header: t("incidents"), enableSorting: false, meta: { align: "right" }, cell: ({ row }) => <span data-testid="feed-incidents">{row.original.incidents}</span> },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">{t("actions")}</span>,
      enableSorting: false,
      cell: ({ row }) => {
        const feed = row.original;
        return (
          <div className="flex justify-end gap-1 whitespace-nowrap">
            <button type="button" className={small} disabled={busy === feed.id} onClick={() => void patch(feed.id, { paused: !feed.paused })}>
              {feed.paused ? t("resume") : t("pause")}
            </button>
            <button
              type="button"
              className={`${small} text-red-700`}
              disabled={busy === feed.id}
              onClick={() => {
                if (window.confirm(t("confirmDelete", { name: feed.title ?? feed.url }))) void run(feed.id, { method: "DELETE" });
              }}
            >
              {t("delete")}
            </button>
          </div>
        );
      },
    });
  }

  return (
    <>
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <DataTable
        columns={columns}
        data={feeds}
        rowCount={feeds.length}
        sorting={[]}
        onSortingChange={() => {}}
        pagination={{ pageIndex: 0, pageSize: Math.max(1, feeds.length) }}
        onPaginationChange={() => {}}
        getRowId={(feed) => String(feed.id)}
        caption={t("caption")}
        empty={<p className="text-center text-sm text-slate-600">{t("empty")}{canWrite ? ` ${t("emptyWrite")}` : ""}</p>}
      />
    </>
  );
}
