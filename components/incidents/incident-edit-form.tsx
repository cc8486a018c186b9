"use client";

/**
 * The analyst's edit form. It carries the version the page was rendered with: if someone saved in
 * between, the save is refused and the form says so (with a reload link) instead of overwriting them.
 */
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/app/(dashboard)/incidents/actions";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { DATE_PRECISIONS, EVENT_TAXONOMY, EVENT_TYPES, type EventType } from "@/lib/incidents/taxonomy";

type Action = (previous: ActionResult, form: FormData) => Promise<ActionResult>;

const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none";

function Field({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <label className={`block text-xs font-medium text-slate-600 ${wide ? "sm:col-span-2 lg:col-span-4" : ""}`}>
      {label}
      <div className="mt-1">{children}</div>
    </label>
  );
}

export function IncidentEditForm({ incident, action }: { incident: IncidentDetail; action: Action }) {
  const [state, submit, saving] = useActionState(action, { ok: false });
  const [eventType, setEventType] = useState(incident.eventType);
  const subTypes = (EVENT_TAXONOMY[eventType as EventType] ?? []) as readonly string[];
  return (
    <form action={submit} className="space-y-3" aria-label="Edit incident">
      <input type="hidden" name="id" value={incident.id} />
      <input type="hidden" name="version" value={incident.version} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Date">
          <input type="date" name="eventDate" required defaultValue={incident.eventDate} className={input} />
        </Field>
        <Field label="End date">
          <input type="date" name="endDate" defaultValue={incident.endDate ?? ""} className={input} />
        </Field>
        <Field label="Date precision">
          <select name="datePrecision" defaultValue={incident.datePrecision} className={input}>
            {DATE_PRECISIONS.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Fatalities (empty = unknown)">
          <input type="number" min={0} name="fatalities" defaultValue={incident.fatalities ?? ""} className={input} />
        </Field>
        <Field label="Event type">
          <select name="eventType" value={eventType} onChange={(event) => setEventType(event.target.value)} className={input}>
            {EVENT_TYPES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Sub-event type">
          <select name="subEventType" defaultValue={subTypes.includes(incident.subEventType) ? incident.subEventType : subTypes[0]} key={eventType} className={input}>
            {subTypes.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Country">
          <input name="country" required defaultValue={incident.country} className={input} />
        </Field>
        <Field label="Region (admin1)">
          <input name="admin1" defaultValue={incident.admin1 ?? ""} className={input} />
        </Field>
        <Field label="Region since 2023">
          <input name="admin1Reform" defaultValue={incident.admin1Reform ?? ""} className={input} />
        </Field>
        <Field label="District (admin2)">
          <input name="admin2" defaultValue={incident.admin2 ?? ""} className={input} />
        </Field>
        <Field label="Location">
          <input name="location" defaultValue={incident.location ?? ""} className={input} />
        </Field>
        <Field label="Geo precision">
          <select name="geoPrecision" defaultValue={incident.geoPrecision} className={input}>
            <option value={1}>1 · the place itself</option>
            <option value={2}>2 · near / part of region</option>
            <option value={3}>3 · region only</option>
          </select>
        </Field>
        <Field label="Latitude">
          <input type="number" step="any" name="latitude" defaultValue={incident.latitude ?? ""} className={input} />
        </Field>
        <Field label="Longitude">
          <input type="number" step="any" name="longitude" defaultValue={incident.longitude ?? ""} className={input} />
        </Field>
        {incident.location ? (
          <label className="flex items-start gap-2 text-xs text-slate-600 sm:col-span-2 lg:col-span-4">
            <input type="hidden" name="originalLocation" value={incident.location} />
            <input type="checkbox" name="learnPlace" className="mt-0.5" />
            <span>
              Record this position and region for the name “{incident.location}” in {incident.country}: every incident with that name moves with
              it, and future articles use it.
            </span>
          </label>
        ) : null}
        <Field label="Summary" wide>
          <textarea name="summary" required rows={4} defaultValue={incident.summary} className={input} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={saving} className={buttonClass("primary")}>
          {saving ? "Saving…" : "Save changes"}
        </button>
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
            {state.message}
            {state.conflict ? (
              <>
                {" "}
                <a href={`/incidents/${incident.id}`} className="font-medium underline">
                  Reload
                </a>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </form>
  );
}
