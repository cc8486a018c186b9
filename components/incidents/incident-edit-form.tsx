"use client";

/**
 * The analyst's edit form. It carries the version the page was rendered with: if someone saved in
 * between, the save is refused and the form says so (with a reload link) instead of overwriting them.
 */
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { buttonClass } from "@/components/ui/button";
import { IDLE, type ActionState } from "@/lib/errors/action-state";
import type { IncidentDetail } from "@/lib/incidents/types";
import type { ActorOption } from "@/lib/incidents/actor-links";
import { ActorFields } from "./actor-fields";
import { DATE_PRECISIONS, EVENT_TAXONOMY, EVENT_TYPES, type EventType } from "@/lib/incidents/taxonomy";
import { DayInput } from "@/components/forms/day-input";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none";

function Field({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <label className={`block text-xs font-medium text-slate-600 ${wide ? "sm:col-span-2 lg:col-span-4" : ""}`}>
      {label}
      <div className="mt-1">{children}</div>
    </label>
  );
}

export function IncidentEditForm({ incident, action, actorOptions, learnableActorIds }: { incident: IncidentDetail; action: Action; actorOptions: ActorOption[]; learnableActorIds: number[] }) {
  const [state, submit, saving] = useActionState(action, IDLE);
  const [eventType, setEventType] = useState(incident.eventType);
  const subTypes = (EVENT_TAXONOMY[eventType as EventType] ?? []) as readonly string[];
  const t = useTranslations("edit");
  const tFilter = useTranslations("filters");
  const label = useCodeLabel();
  return (
    <form action={submit} className="space-y-3" aria-label={t("label")}>
      <input type="hidden" name="id" value={incident.id} />
      <input type="hidden" name="version" value={incident.version} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t("eventDate")}>
          <DayInput name="eventDate" required defaultValue={incident.eventDate} className={input} />
        </Field>
        <Field label={t("endDate")}>
          <DayInput name="endDate" defaultValue={incident.endDate ?? ""} className={input} />
        </Field>
        <Field label={t("datePrecision")}>
          <select name="datePrecision" defaultValue={incident.datePrecision} className={input}>
            {DATE_PRECISIONS.map((value) => (
              <option key={value} value={value}>
                {label("datePrecision", value)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("fatalities")}>
          <input type="number" min={0} name="fatalities" defaultValue={incident.fatalities ?? ""} className={input} />
        </Field>
        <Field label={t("eventType")}>
          <select name="eventType" value={eventType} onChange={(event) => setEventType(event.target.value)} className={input}>
            {EVENT_TYPES.map((value) => (
              <option key={value} value={value}>
                {label("eventType", value)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("subEventType")}>
          <select name="subEventType" defaultValue={subTypes.includes(incident.subEventType) ? incident.subEventType : subTypes[0]} key={eventType} className={input}>
            {subTypes.map((value) => (
              <option key={value} value={value}>
                {label("subEventType", value)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("country")}>
          <input name="country" required defaultValue={incident.country} className={input} />
        </Field>
        <Field label={t("admin1")}>
          <input name="admin1" defaultValue={incident.admin1 ?? ""} className={input} />
        </Field>
        <Field label={t("admin1Reform")}>
          <input name="admin1Reform" defaultValue={incident.admin1Reform ?? ""} className={input} />
        </Field>
        <Field label={t("admin2")}>
          <input name="admin2" defaultValue={incident.admin2 ?? ""} className={input} />
        </Field>
        <Field label={t("location")}>
          <input name="location" defaultValue={incident.location ?? ""} className={input} />
        </Field>
        <Field label={t("geoPrecision")}>
          <select name="geoPrecision" defaultValue={incident.geoPrecision} className={input}>
            {([1, 2, 3] as const).map((code) => (
              <option key={code} value={code}>
                {code} · {tFilter(`geoPrecisionLevel.${code}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("latitude")}>
          <input type="number" step="any" name="latitude" defaultValue={incident.latitude ?? ""} className={input} />
        </Field>
        <Field label={t("longitude")}>
          <input type="number" step="any" name="longitude" defaultValue={incident.longitude ?? ""} className={input} />
        </Field>
        {incident.location ? (
          <label className="flex items-start gap-2 text-xs text-slate-600 sm:col-span-2 lg:col-span-4">
            <input type="hidden" name="originalLocation" value={incident.location} />
            <input type="checkbox" name="learnPlace" className="mt-0.5" />
            <span>{t("learnPlace", { name: incident.location, country: incident.country })}</span>
          </label>
        ) : null}
        <ActorFields links={incident.actorLinks} options={actorOptions} learnableIds={learnableActorIds} />
        <Field label={t("summary")} wide>
          <textarea name="summary" required rows={4} defaultValue={incident.summary} className={input} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={saving} className={buttonClass("primary")}>
          {saving ? t("saving") : t("save")}
        </button>
        {state.message ? (
          <p role={state.status === "ok" ? "status" : "alert"} className={`text-sm ${state.status === "ok" ? "text-emerald-700" : "text-red-700"}`}>
            {state.message}
            {state.conflict ? (
              <>
                {" "}
                <a href={`/incidents/${incident.id}`} className="font-medium underline">
                  {t("reload")}
                </a>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </form>
  );
}
