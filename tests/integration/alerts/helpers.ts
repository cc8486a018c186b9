/** Shared pieces of the alerting tests: articles that extraction turns into one incident each, and resets. */
import { prepareIngest } from "@/lib/ingest/ingest";
import { storeExtraction } from "@/lib/ingest/store";
import type { SessionUser } from "@/lib/auth/guard";
import { query } from "../db";

export const KAYES_JNIM = "Le 3 mars 2025, des combattants du JNIM ont attaqué un poste militaire à Kayes, au Mali. Douze soldats ont été tués.";
export const MOPTI = "Le 4 mars 2025, des hommes armés ont attaqué un poste de gendarmerie à Mopti, au Mali. Trois gendarmes ont été tués.";
export const KAYES_OTHER = "Le 5 mars 2025, des hommes armés ont enlevé deux commerçants à Kayes, au Mali.";

/** Ingests one article through the real pipeline (extraction and store); returns the incident ids. */
export async function ingest(text: string, user: SessionUser | null = null): Promise<number[]> {
  const prepared = prepareIngest({ text });
  const result = await storeExtraction(prepared.text, prepared.extraction, prepared.meta, user);
  return result.incidents.map((incident) => incident.id);
}

export async function resetAlerts(): Promise<void> {
  await query(`TRUNCATE watch, watch_match, watch_signal, alert, alert_recipient, alert_delivery, alert_pending RESTART IDENTITY CASCADE`);
}

/** Empties the watches and alerts and the incidents they were raised on, for a test of its own. */
export async function resetAlertsAndIncidents(): Promise<void> {
  await resetAlerts();
  await query(`TRUNCATE source, incident, incident_source, evidence, incident_actor, incident_merge RESTART IDENTITY CASCADE`);
}

export const alertRows = () => query<{ id: number; watch_id: number; title: string; incident_ids: number[]; kind: string }>(`SELECT id, watch_id, title, incident_ids, kind FROM alert ORDER BY id`);
