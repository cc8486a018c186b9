/** What a delivery says: the alerts of a watch with their incidents, as JSON (webhooks) or text (e-mail). */
import { prisma } from "@/lib/db/client";
import { alertSettings } from "./settings";

export type AlertPayload = {
  watch: { id: number; name: string; url: string; ownerEmail: string; webhookUrl: string | null; webhookSecret: string | null };
  alerts: {
    id: number;
    kind: string;
    title: string;
    createdAt: string;
    incidents: { id: number; url: string; eventDate: string; eventType: string; country: string; admin1: string | null; admin2: string | null; location: string | null; actors: string; fatalities: number | null; summary: string }[];
  }[];
};

/** The watch and the given alerts (only those of this watch), or null when the watch was deleted since. */
export async function loadPayload(watchId: number, alertIds: number[]): Promise<AlertPayload | null> {
  const watch = await prisma.watch.findUnique({ where: { id: watchId }, include: { owner: { select: { email: true } } } });
  if (!watch) return null;
  const appUrl = alertSettings().appUrl;
  const alerts = await prisma.alert.findMany({ where: { watchId, id: { in: alertIds } }, orderBy: { id: "asc" } });
  const incidentIds = [...new Set(alerts.flatMap((alert) => alert.incidentIds))];
  const incidents = new Map(
    (await prisma.incident.findMany({ where: { id: { in: incidentIds } } })).map((incident) => [
      incident.id,
      {
        id: incident.id,
        url: `${appUrl}/incidents/${incident.id}`,
        eventDate: incident.eventDate.toISOString().slice(0, 10),
        eventType: incident.eventType,
        country: incident.country,
        admin1: incident.admin1,
        admin2: incident.admin2,
        location: incident.location,
        actors: incident.actorNames,
        fatalities: incident.fatalities,
        summary: incident.summary,
      },
    ]),
  );
  return {
    watch: { id: watch.id, name: watch.name, url: `${appUrl}/incidents?${watch.query}`, ownerEmail: watch.owner.email, webhookUrl: watch.webhookUrl, webhookSecret: watch.webhookSecret },
    alerts: alerts.map((alert) => ({
      id: alert.id,
      kind: alert.kind,
      title: alert.title,
      createdAt: alert.createdAt.toISOString(),
      incidents: alert.incidentIds.flatMap((id) => incidents.get(id) ?? []),
    })),
  };
}

/** Plain-text body of an e-mail: each alert, then each incident with its link. */
export function emailText(payload: AlertPayload, intro: string): string {
  const lines = [intro, ""];
  for (const alert of payload.alerts) {
    lines.push(`• ${alert.title} (${alert.createdAt.slice(0, 16).replace("T", " ")} UTC)`);
    for (const incident of alert.incidents) {
      const place = [incident.location, incident.admin2, incident.admin1, incident.country].filter(Boolean).filter((value, index, all) => all.indexOf(value) === index).join(", ");
      const killed = incident.fatalities === null ? "" : `, ${incident.fatalities} killed`;
      lines.push(`  - ${incident.eventDate} ${incident.eventType} in ${place}${incident.actors ? ` (${incident.actors})` : ""}${killed}`, `    ${incident.url}`);
    }
    lines.push("");
  }
  lines.push(`Watch "${payload.watch.name}": ${payload.watch.url}`);
  return lines.join("\n");
}
