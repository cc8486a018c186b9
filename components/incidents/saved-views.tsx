"use client";

/** Saved views: named filters, private or shared with the team, reopened as a link. */
import { useActionState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { SavedViewRow } from "@/lib/incidents/types";
import { IDLE, type ActionState } from "@/lib/errors/action-state";
import { buttonClass } from "@/components/ui/button";
import { Popover } from "./popover";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

export function SavedViews({ views, basePath, saveAction, deleteAction }: { views: SavedViewRow[]; basePath: string; saveAction: Action; deleteAction: Action }) {
  const searchParams = useSearchParams();
  const t = useTranslations("views");
  const query = new URLSearchParams(searchParams?.toString());
  query.delete("page");
  const [saved, save, saving] = useActionState(saveAction, IDLE);
  const [deleted, remove] = useActionState(deleteAction, IDLE);
  return (
    <Popover label={views.length ? t("buttonCount", { count: views.length }) : t("button")} testId="saved-views">
      {() => (
        <div className="space-y-3">
          {views.length ? (
            <ul className="max-h-60 space-y-1 overflow-y-auto">
              {views.map((view) => (
                <li key={view.id} className="flex items-center gap-2">
                  <Link href={view.query ? `${basePath}?${view.query}` : basePath} className="truncate font-medium text-brand-700 hover:underline">
                    {view.name}
                  </Link>
                  <span className="shrink-0 text-xs text-slate-600">{view.mine ? (view.shared ? t("shared") : t("private")) : t("by", { name: view.ownerName ?? "—" })}</span>
                  {view.mine ? (
                    <form action={remove} className="ml-auto">
                      <input type="hidden" name="id" value={view.id} />
                      <button type="submit" className="text-xs text-slate-600 hover:text-red-700" aria-label={t("deleteLabel", { name: view.name })}>
                        {t("delete")}
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600">{t("none")}</p>
          )}
          {deleted.message && deleted.status !== "ok" ? <p className="text-xs text-red-600">{deleted.message}</p> : null}
          <form action={save} className="space-y-2 border-t border-slate-100 pt-3">
            <input type="hidden" name="query" value={query.toString()} />
            <label className="block text-xs font-medium text-slate-600">
              {t("saveAs")}
              <input name="name" required maxLength={100} placeholder={t("namePlaceholder")} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="shared" className="accent-brand-600" /> {t("share")}
            </label>
            <button type="submit" disabled={saving} className={buttonClass("primary", "w-full")}>
              {t("save")}
            </button>
            {saved.message ? <p className={`text-xs ${saved.status === "ok" ? "text-emerald-700" : "text-red-600"}`}>{saved.message}</p> : null}
          </form>
        </div>
      )}
    </Popover>
  );
}
