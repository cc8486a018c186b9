import { formatEventDate } from "@/components/incidents/format";
import type { ExtractedIncident } from "@/lib/ingest/pipeline";

/** What the ingest preview receives: the extraction pipeline's own incident shape, as JSON. */
export type PreviewIncident = ExtractedIncident;

/** One proposed incident: the fields an analyst checks first, and the sentences they came from. */
export function ExtractedIncidentCard({ incident }: { incident: PreviewIncident }) {
  const place = [...new Set([incident.location, incident.admin2, incident.admin1, incident.country].filter(Boolean))].join(", ");
  return (
    <article className="rounded-md border border-slate-200 p-3 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium text-slate-900">{incident.eventType}</span>
        <span className="text-slate-500">{incident.subEventType}</span>
        <span className="ml-auto tabular-nums text-slate-600">
          {formatEventDate(incident.eventDate, incident.datePrecision, incident.endDate)}
        </span>
      </div>
      <p className="mt-1 text-slate-700">{incident.summary}</p>
      <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-x-2 gap-y-0.5 text-xs">
        <dt className="text-slate-500">Where</dt>
        <dd className="text-slate-800">{place || "—"} <span className="text-slate-400">(precision {incident.geoPrecision})</span></dd>
        <dt className="text-slate-500">Actors</dt>
        <dd className="text-slate-800">{incident.actors.length ? incident.actors.map((actor) => `${actor.name} (${actor.role})`).join("; ") : "—"}</dd>
        <dt className="text-slate-500">Fatalities</dt>
        <dd className="text-slate-800">{incident.fatalities ?? "unknown"}</dd>
      </dl>
      {incident.evidence.length ? (
        <details className="mt-2 text-xs text-slate-600">
          <summary className="cursor-pointer select-none text-slate-500">{incident.evidence.length} evidence sentence(s)</summary>
          <ul className="mt-1 space-y-1">
            {incident.evidence.map((item, index) => (
              <li key={index}>
                <span className="font-medium text-slate-500">{item.field}:</span> <mark className="evidence">{item.text}</mark>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
