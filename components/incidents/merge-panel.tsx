"use client";

/** Merge another incident into this one (nearby candidates offered), and undo earlier merges. */
import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";
import type { IncidentDetail, IncidentRow } from "@/lib/incidents/types";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

export function MergePanel({ incident, candidates, mergeAction, unmergeAction, canEdit }: { incident: IncidentDetail; candidates: IncidentRow[]; mergeAction: Action; unmergeAction: Action; canEdit: boolean }) {
  const [merged, merge, merging] = useActionState(mergeAction, IDLE);
  const [unmerged, unmerge, unmerging] = useActionState(unmergeAction, IDLE);
  const active = incident.merges.filter((item) => !item.undoneAt);
  const t = useTranslations("merge");
  const format = useFormat();
  return (
    <div className="space-y-3 text-sm">
      {active.length ? (
        <ul className="space-y-1.5">
          {active.map((item) => (
            <li key={item.id} className="flex items-center gap-2">
              <span>
                {t.rich("merged", {
                  id: item.mergedId,
                  link: (chunks) => (
                    <Link href={`/incidents/${item.mergedId}`} className="font-medium text-brand-700 hover:underline">
                      {chunks}
                    </Link>
                  ),
                })}{" "}
                <span className="text-slate-600">{format.day(item.createdAt.slice(0, 10))}</span>
              </span>
              {canEdit ? (
                <form action={unmerge} className="ml-auto">
                  <input type="hidden" name="mergeId" value={item.id} />
                  <button type="submit" disabled={unmerging} className="rounded text-xs font-medium text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
                    {t("undo")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600">{t("none")}</p>
      )}
      {unmerged.message ? <p className={unmerged.status === "ok" ? "text-emerald-700" : "text-red-700"}>{unmerged.message}</p> : null}
      {canEdit ? (
        <form action={merge} className="space-y-2 border-t border-slate-100 pt-3">
          <input type="hidden" name="targetId" value={incident.id} />
          <label className="block text-xs font-medium text-slate-600">
            {t("label")}
            <select name="mergedId" className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm" defaultValue="">
              <option value="" disabled>
                {candidates.length ? t("choose") : t("noCandidate")}
              </option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  #{candidate.id} · {format.day(candidate.eventDate ?? "")} · {candidate.location ?? candidate.admin1 ?? candidate.country} · {candidate.summary.slice(0, 60)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={merging || !candidates.length} className={buttonClass("secondary")}>
            {t("submit", { id: incident.id })}
          </button>
          {merged.message ? <p className={merged.status === "ok" ? "text-emerald-700" : "text-red-700"}>{merged.message}</p> : null}
        </form>
      ) : null}
    </div>
  );
}
