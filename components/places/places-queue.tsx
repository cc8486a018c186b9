"use client";

/**
 * The queue of place names (Places page): names by how many incidents wait on them, with their best
 * candidates. Choosing a row opens its resolve panel; accepting a candidate is one click.
 */
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { TableMessage } from "@/components/data-table/table-message";
import { useRowRequest } from "@/components/data-table/use-row-request";
import { useUrlPagination } from "@/components/data-table/use-url-pagination";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { PLACE_STATUSES, PlaceCandidate, PlaceNameRow } from "@/lib/places/queries";
import { ResolvePanel } from "./resolve-panel";

type Props = { rows: PlaceNameRow[]; total: number; page: number; pageSize: number; pending: boolean; admin1ByCountry: Record<string, string[]> };

function candidateLabel(candidate: PlaceCandidate): string {
  const area = [candidate.admin2, candidate.admin1].filter(Boolean).join(", ");
  const distance = candidate.distanceKm === null ? "" : ` · ${Math.round(candidate.distanceKm)} km`;
  return `${candidate.name}${area ? ` (${area})` : ""} · ${Math.round(candidate.similarity * 100)}%${distance}`;
}

export function PlacesQueue({ rows, total, page, pageSize, pending, admin1ByCountry }: Props) {
  const router = useRouter();
  const t = useTranslations("places");
  const pager = useUrlPagination(page, pageSize);
  const request = useRowRequest();
  const busy = request.busy !== null;
  const [selected, setSelected] = useState<number | null>(rows[0]?.id ?? null);
  const [message, setMessage] = useState<string | null>(null);

  async function accept(row: PlaceNameRow, candidate: PlaceCandidate) {
    const body = candidate.placeId !== null ? { placeId: candidate.placeId } : { latitude: candidate.latitude, longitude: candidate.longitude, admin1: candidate.admin1, admin2: candidate.admin2 };
    const response = await request.send(true, `/api/places/${row.id}/resolve`, { method: "POST", body });
    setMessage(response.ok ? t("accepted", { name: row.name, candidate: candidate.name, count: Number(response.json?.incidentsChanged) }) : (response.json?.message ?? t("serverAnswered", { status: response.status })));
    setSelected(null);
  }

  function done(text: string) {
    setMessage(text);
    setSelected(null);
    router.refresh();
  }

  const columns = useMemo<DataTableColumn<PlaceNameRow>[]>(
    () => [
      {
        id: "name",
        header: t("name"),
        accessorFn: (row) => row.name,
        cell: ({ row }) => (
          <div>
            <span className="font-medium text-slate-900">{row.original.name}</span>
            {row.original.spellings.length > 1 ? <span className="ml-1 text-xs text-slate-600">{t("also", { names: row.original.spellings.filter((s) => s !== row.original.name).join(", ") })}</span> : null}
            {row.original.examples[0] ? <p className="line-clamp-1 max-w-md text-xs italic text-slate-600">{row.original.examples[0]}</p> : null}
          </div>
        ),
      },
      {
        id: "area",
        header: t("area"),
        accessorFn: (row) => row.country,
        meta: { className: "whitespace-nowrap" },
        cell: ({ row }) => [row.original.country, row.original.admin1, row.original.admin2].filter(Boolean).join(" · "),
      },
      { id: "incidentCount", header: t("incidents"), accessorFn: (row) => row.incidentCount, meta: { align: "right" } },
      {
        id: "candidates",
        header: t("candidates"),
        accessorFn: (row) => row.candidates.length,
        cell: ({ row }) =>
          row.original.status !== "pending" ? (
            <span className="text-xs text-slate-600">{t(`status.${row.original.status as (typeof PLACE_STATUSES)[number]}`)}</span>
          ) : row.original.candidates.length ? (
            <ul className="space-y-0.5">
              {row.original.candidates.slice(0, 3).map((candidate) => (
                <li key={`${candidate.source}:${candidate.placeId ?? candidate.learnedPlaceId}`} className="flex items-center gap-2 text-xs">
                  <Button
                    className="!px-1.5 !py-0.5 text-xs"
                    disabled={busy}
                    onClick={(event) => {
                      event.stopPropagation();
                      void accept(row.original, candidate);
                    }}
                  >
                    {t("accept")}
                  </Button>
                  <span>{candidateLabel(candidate)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-xs text-slate-600">{t("noCandidate")}</span>
          ),
      },
    ],
    [busy, t],
  );

  const row = rows.find((candidate) => candidate.id === selected);

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_420px]">
      <div className="space-y-2">
        <TableMessage>{message}</TableMessage>
        <DataTable
          caption={t("caption")}
          columns={columns}
          data={rows}
          rowCount={total}
          {...pager}
          getRowId={(candidate) => String(candidate.id)}
          onRowClick={pending ? (candidate) => setSelected(candidate.id) : undefined}
          empty={<EmptyState title={t("emptyTitle")}>{t("empty")}</EmptyState>}
        />
      </div>
      {pending && row ? <ResolvePanel key={row.id} row={row} admin1Options={admin1ByCountry[row.country] ?? []} onDone={done} /> : null}
    </div>
  );
}
