"use client";

/** The subscribed feeds and their health, on the generic DataTable; analysts change them in place. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import type { FeedRow } from "@/lib/feeds/queries";
import { INTERVAL_CHOICES, intervalLabel, relativeTime } from "./format";

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
  const patch = (id: number, body: object) => run(id, { method: "PATCH", body: JSON.stringify(body) });

  const columns: DataTableColumn<FeedRow>[] = [
    {
      id: "feed",
      header: "Feed",
      enableSorting: false,
      cell: ({ row }) => (
        <div className="max-w-md">
          <div className="font-medium text-slate-900">{row.original.title ?? "Untitled feed"}</div>
          <div className="truncate text-xs text-slate-400" title={row.original.url}>
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
      header: "State",
      enableSorting: false,
      cell: ({ row }) => {
        const feed = row.original;
        if (feed.paused) return <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">Paused</span>;
        if (feed.lastError)
          return (
            <div className="max-w-xs">
              <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">Failing{feed.failureCount > 1 ? ` ×${feed.failureCount}` : ""}</span>
              <div className="mt-0.5 text-xs text-red-700" data-testid="feed-error">{feed.lastError}</div>
            </div>
          );
        return <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">{feed.lastPollAt ? "OK" : "Waiting"}</span>;
      },
    },
    {
      id: "interval",
      header: "Every",
      enableSorting: false,
      cell: ({ row }) =>
        canWrite ? (
          <select
            aria-label={`Polling interval of ${row.original.title ?? row.original.url}`}
            value={row.original.intervalMinutes}
            disabled={busy === row.original.id}
            onChange={(event) => void patch(row.original.id, { intervalMinutes: Number(event.target.value) })}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
          >
            {[...new Set([...INTERVAL_CHOICES, row.original.intervalMinutes])].sort((a, b) => a - b).map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalLabel(minutes)}
              </option>
            ))}
          </select>
        ) : (
          intervalLabel(row.original.intervalMinutes)
        ),
    },
    { id: "lastPoll", header: "Last poll", enableSorting: false, cell: ({ row }) => <span className="whitespace-nowrap">{relativeTime(row.original.lastPollAt, now)}</span> },
    { id: "lastSuccess", header: "Last success", enableSorting: false, cell: ({ row }) => <span className="whitespace-nowrap">{relativeTime(row.original.lastSuccessAt, now)}</span> },
    {
      id: "nextPoll",
      header: "Next poll",
      enableSorting: false,
      cell: ({ row }) => <span className="whitespace-nowrap">{row.original.paused ? "—" : relativeTime(row.original.nextPollAt, now)}</span>,
    },
    { id: "items", header: "Items", enableSorting: false, meta: { align: "right" }, cell: ({ row }) => <span data-testid="feed-items">{row.original.itemsSeen}</span> },
    {
      id: "sources",
      header: "Sources",
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row }) => (
        <span title={`${row.original.pendingItems} waiting, ${row.original.failedItems} failed`}>
          {row.original.sources}
          {row.original.failedItems ? <span className="ml-1 text-xs text-red-700">({row.original.failedItems} failed)</span> : null}
        </span>
      ),
    },
    { id: "incidents", header: "Incidents", enableSorting: false, meta: { align: "right" }, cell: ({ row }) => <span data-testid="feed-incidents">{row.original.incidents}</span> },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: ({ row }) => {
        const feed = row.original;
        return (
          <div className="flex justify-end gap-1 whitespace-nowrap">
            <button type="button" className={small} disabled={busy === feed.id} onClick={() => void patch(feed.id, { paused: !feed.paused })}>
              {feed.paused ? "Resume" : "Pause"}
            </button>
            <button
              type="button"
              className={`${small} text-red-700`}
              disabled={busy === feed.id}
              onClick={() => {
                if (window.confirm(`Stop following ${feed.title ?? feed.url}? Sources and incidents it brought stay.`)) void run(feed.id, { method: "DELETE" });
              }}
            >
              Delete
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
        caption="Subscribed feeds"
        empty={<p className="text-center text-sm text-slate-500">No feed yet.{canWrite ? " Add one above: its new articles become incidents without anyone asking." : ""}</p>}
      />
    </>
  );
}
