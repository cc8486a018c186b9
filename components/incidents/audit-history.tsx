/** The incident's audit trail, newest first, with field changes spelled out. */
import type { IncidentDetail } from "@/lib/incidents/queries";

const ACTION_LABEL: Record<string, string> = {
  "incident.update": "edited",
  "incident.status": "changed the status",
  "incident.merge": "merged an incident into this one",
  "incident.merged_into": "merged this incident into another",
  "incident.unmerge": "undid a merge",
  "incident.unmerged_from": "separated this incident again",
  "incident.create": "created",
};

function describe(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  const value = details as Record<string, unknown>;
  if (value.changes && typeof value.changes === "object") {
    return Object.entries(value.changes as Record<string, { from: unknown; to: unknown }>)
      .map(([field, change]) => `${field}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`)
      .join("; ");
  }
  if ("from" in value && "to" in value) return `${String(value.from)} → ${String(value.to)}`;
  if ("mergedId" in value && "targetId" in value) return `#${String(value.mergedId)} into #${String(value.targetId)}`;
  return "";
}

export function AuditHistory({ history }: { history: IncidentDetail["history"] }) {
  if (!history.length) return <p className="text-sm text-slate-500">No change recorded yet.</p>;
  return (
    <ol className="space-y-2 text-sm">
      {history.map((event) => (
        <li key={event.id} className="border-l-2 border-slate-200 pl-3">
          <p>
            <span className="font-medium">{event.userEmail ?? "system"}</span> {ACTION_LABEL[event.action] ?? event.action}{" "}
            <time dateTime={event.createdAt} className="text-xs text-slate-500">
              {event.createdAt.replace("T", " ").slice(0, 16)} UTC
            </time>
          </p>
          {describe(event.details) ? <p className="break-words text-xs text-slate-600">{describe(event.details)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
