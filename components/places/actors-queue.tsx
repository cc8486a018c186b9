"use client";

/**
 * The queue of unknown actor names: link a name to an existing actor (one of the ranked candidates, or
 * any actor id) or make it an actor of its own with its ACLED inter code. Calls POST /api/actors/:id/resolve.
 */
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { TableMessage } from "@/components/data-table/table-message";
import { useRowRequest } from "@/components/data-table/use-row-request";
import { useUrlPagination } from "@/components/data-table/use-url-pagination";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ACTOR_STATUSES, ActorNameRow } from "@/lib/actors/queue";

/** ACLED inter codes (their names are the actor types of the messages). */
const INTER_CODES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs shadow-xs focus:border-brand-500 focus:outline-none";

function NewActorForm({ row, onSend }: { row: ActorNameRow; onSend: (body: unknown) => void }) {
  const [name, setName] = useState(row.name);
  const [interCode, setInterCode] = useState(2);
  const t = useTranslations("actorsQueue");
  const label = useCodeLabel();
  return (
    <form
      className="flex flex-wrap items-center gap-1"
      onClick={(event) => event.stopPropagation()}
      onSubmit={(event) => {
        event.preventDefault();
        onSend({ name, interCode });
      }}
    >
      <input className={`${input} w-44`} aria-label={t("newActorName", { name: row.name })} value={name} onChange={(event) => setName(event.target.value)} />
      <select className={input} aria-label={t("interCode")} value={interCode} onChange={(event) => setInterCode(Number(event.target.value))}>
        {INTER_CODES.map((code) => (
          <option key={code} value={code}>
            {code} · {label("actorType", code)}
          </option>
        ))}
      </select>
      <Button type="submit" className="!px-1.5 !py-0.5 text-xs">
        {t("newActor")}
      </Button>
    </form>
  );
}

export function ActorsQueue({ rows, total, page, pageSize, pending }: { rows: ActorNameRow[]; total: number; page: number; pageSize: number; pending: boolean }) {
  const t = useTranslations("actorsQueue");
  const pager = useUrlPagination(page, pageSize);
  const request = useRowRequest();
  const busy = request.busy !== null;
  const [message, setMessage] = useState<string | null>(null);

  const columns = useMemo<DataTableColumn<ActorNameRow>[]>(() => {
    async function send(row: ActorNameRow, body: unknown) {
      const response = await request.send(true, `/api/actors/${row.id}/resolve`, { method: "POST", body });
      setMessage(response.ok ? t("updated", { name: row.name, count: Number(response.json?.incidentsChanged) }) : (response.json?.message ?? t("serverAnswered", { status: response.status })));
    }
    return [
      {
        id: "name",
        header: t("name"),
        accessorFn: (row) => row.name,
        cell: ({ row }) => (
          <div>
            <span className="font-medium text-slate-900">{row.original.name}</span>
            {row.original.examples[0] ? <p className="line-clamp-2 max-w-md text-xs italic text-slate-600">{row.original.examples[0]}</p> : null}
          </div>
        ),
      },
      { id: "country", header: t("country"), accessorFn: (row) => row.country ?? "—", enableSorting: false },
      { id: "incidentCount", header: t("incidents"), accessorFn: (row) => row.incidentCount, meta: { align: "right" } },
      {
        id: "actions",
        header: pending ? t("decide") : t("decision"),
        accessorFn: (row) => row.candidates.length,
        cell: ({ row }) =>
          !pending ? (
            <span className="text-xs text-slate-600">{t(`status.${row.original.status as (typeof ACTOR_STATUSES)[number]}`)}</span>
          ) : (
            <div className="space-y-1">
              {row.original.candidates.slice(0, 3).map((candidate) => (
                <div key={candidate.actorId} className="flex items-center gap-2 text-xs">
                  <Button className="!px-1.5 !py-0.5 text-xs" disabled={busy} onClick={() => void send(row.original, { actorId: candidate.actorId })}>
                    {t("aliasOf")}
                  </Button>
                  <span>
                    {candidate.name} <span className="text-slate-600">{t("asAlias", { alias: candidate.alias, percent: Math.round(candidate.similarity * 100) })}</span>
                  </span>
                </div>
              ))}
              <NewActorForm row={row.original} onSend={(body) => void send(row.original, body)} />
            </div>
          ),
      },
    ];
  }, [busy, pending, request.send, t]);

  return (
    <div className="space-y-2">
      <TableMessage>{message}</TableMessage>
      <DataTable
        caption={t("caption")}
        columns={columns}
        data={rows}
        rowCount={total}
        {...pager}
        getRowId={(row) => String(row.id)}
        empty={<EmptyState title={t("emptyTitle")}>{t("empty")}</EmptyState>}
      />
    </div>
  );
}
