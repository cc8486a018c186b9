/** The incident's audit trail, newest first, with field changes spelled out. */
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import type { IncidentDetail } from "@/lib/incidents/types";

/** Audit actions with a sentence in the messages ("historyAction.<action with _ for .>"). */
const KNOWN_ACTIONS = new Set(["incident.update", "incident.status", "incident.merge", "incident.merged_into", "incident.unmerge", "incident.unmerged_from", "incident.create"]);

function describe(details: unknown, into: (merged: string, target: string) => string): string {
  if (!details || typeof details !== "object") return "";
  const value = details as Record<string, unknown>;
  if (value.changes && typeof value.changes === "object") {
    return Object.entries(value.changes as Record<string, { from: unknown; to: unknown }>)
      .map(([field, change]) => `${field}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`)
      .join("; ");
  }
  if ("from" in value && "to" in value) return `${String(value.from)} → ${String(value.to)}`;
  if ("mergedId" in value && "targetId" in value) return into(String(value.mergedId), String(value.targetId));
  return "";
}

export function AuditHistory({ history }: { history: IncidentDetail["history"] }) {
  const t = useTranslations("history");
  const format = useFormat();
  const into = (merged: string, target: string) => t("into", { merged, target });
  if (!history.length) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ol className="space-y-2 text-sm">
      {history.map((event) => (
        <li key={event.id} className="border-l-2 border-slate-200 pl-3">
          <p>
            <span className="font-medium">{event.userEmail ?? t("system")}</span>{" "}
            {KNOWN_ACTIONS.has(event.action) ? t(`action.${event.action.replace(".", "_")}` as Parameters<typeof t>[0]) : event.action}{" "}
            <time dateTime={event.createdAt} className="text-xs text-slate-600">
              {format.dateTime(event.createdAt)} UTC
            </time>
          </p>
          {describe(event.details, into) ? <p className="break-words text-xs text-slate-600">{describe(event.details, into)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
