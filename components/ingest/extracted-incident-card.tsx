import { useTranslations } from "next-intl";
import { EventDate } from "@/components/incidents/format";
import { useCodeLabel } from "@/components/ui/use-code-label";
import type { ExtractedIncident } from "@/lib/ingest/pipeline";

/** What the ingest preview receives: the extraction pipeline's own incident shape, as JSON. */
export type PreviewIncident = ExtractedIncident;

/** One proposed incident: the fields an analyst checks first, and the sentences they came from. */
export function ExtractedIncidentCard({ incident }: { incident: PreviewIncident }) {
  const t = useTranslations("ingest");
  const tField = useTranslations("evidenceField");
  const label = useCodeLabel();
  const place = [...new Set([incident.location, incident.admin2, incident.admin1, label("country", incident.country)].filter(Boolean))].join(", ");
  return (
    <article className="rounded-md border border-slate-200 p-3 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium text-slate-900">{label("eventType", incident.eventType)}</span>
        <span className="text-slate-600">{label("subEventType", incident.subEventType)}</span>
        <span className="ml-auto tabular-nums text-slate-600">
          <EventDate eventDate={incident.eventDate} precision={incident.datePrecision} endDate={incident.endDate} />
        </span>
      </div>
      <p className="mt-1 text-slate-700">{incident.summary}</p>
      <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-x-2 gap-y-0.5 text-xs">
        <dt className="text-slate-600">{t("where")}</dt>
        <dd className="text-slate-800">
          {place || "—"} <span className="text-slate-600">({t("precision", { precision: incident.geoPrecision })})</span>
        </dd>
        <dt className="text-slate-600">{t("actors")}</dt>
        <dd className="text-slate-800">{incident.actors.length ? incident.actors.map((actor) => `${actor.name} (${label("actorRole", actor.role)})`).join("; ") : "—"}</dd>
        <dt className="text-slate-600">{t("fatalities")}</dt>
        <dd className="text-slate-800">{incident.fatalities ?? t("unknown")}</dd>
      </dl>
      {incident.evidence.length ? (
        <details className="mt-2 text-xs text-slate-600">
          <summary className="cursor-pointer select-none text-slate-600">{t("evidenceCount", { count: incident.evidence.length })}</summary>
          <ul className="mt-1 space-y-1">
            {incident.evidence.map((item, index) => (
              <li key={index}>
                <span className="font-medium text-slate-600">{tField.has(item.field as never) ? tField(item.field as never) : item.field}:</span> <mark className="evidence">{item.text}</mark>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
