/**
 * What a delivery says: the alerts of a watch with their incidents, as JSON (webhooks) or text (e-mail), in
 * the watch owner's saved language. Codes, numbers and dates stay machine-readable in the JSON; only the
 * title and the e-mail's words follow the language.
 */
import { createTranslator } from "next-intl";
import { prisma } from "@/lib/db/client";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { formatDateTime, formatDay } from "@/lib/i18n/format";
import { codeLabel } from "@/lib/i18n/labels";
import { loadMessages } from "@/lib/i18n/messages";
import { parseReason, type AlertReason } from "./describe";
import { alertSettings } from "./settings";
import { reasonWords } from "./wording";

export type AlertPayload = {
  /** The owner's language: the titles below and the e-mail are in it. */
  locale: Locale;
  watch: { id: number; name: string; url: string; ownerEmail: string; webhookUrl: string | null; webhookSecret: string | null };
  alerts: {
    id: number;
    kind: string;
    /** Why it fired, worded in `locale`. */
    title: string;
    /** The same as data (null on alerts older than the reason): for machines, whatever the language. */
    reason: AlertReason | null;
    createdAt: string;
    incidents: { id: number; url: string; eventDate: string; eventType: string; country: string; admin1: string | null; admin2: string | null; location: string | null; actors: string; fatalities: number | null; summary: string }[];
  }[];
};

/** The watch and the given alerts (only those of this watch), or null when the watch was deleted since. */
export async function loadPayload(watchId: number, alertIds: number[]): Promise<AlertPayload | null> {
  const watch = await prisma.watch.findUnique({ where: { id: watchId }, include: { owner: { select: { email: true, locale: true } } } });
  if (!watch) return null;
  const locale = isLocale(watch.owner.locale) ? watch.owner.locale : DEFAULT_LOCALE;
  const words = reasonWords(locale, await loadMessages(locale));
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
    locale,
    watch: { id: watch.id, name: watch.name, url: `${appUrl}/incidents?${watch.query}`, ownerEmail: watch.owner.email, webhookUrl: watch.webhookUrl, webhookSecret: watch.webhookSecret },
    alerts: alerts.map((alert) => {
      const reason = parseReason(alert.reason);
      return {
        id: alert.id,
        kind: alert.kind,
        title: reason ? words(reason) : alert.title,
        reason,
        createdAt: alert.createdAt.toISOString(),
        incidents: alert.incidentIds.flatMap((id) => incidents.get(id) ?? []),
      };
    }),
  };
}

export type MailWords = Awaited<ReturnType<typeof mailWords>>;

/** The e-mail's sentences in the payload's language. */
export async function mailWords(locale: Locale) {
  const messages = await loadMessages(locale);
  return { t: createTranslator({ locale, messages, namespace: "alertMail" }), label: (kind: "eventType" | "country", code: string) => codeLabel(messages, kind, code) };
}

/** Plain-text body of an e-mail: each alert, then each incident with its link. */
export function emailText(payload: AlertPayload, intro: string, { t, label }: MailWords): string {
  const lines = [intro, ""];
  for (const alert of payload.alerts) {
    lines.push(t("alert", { title: alert.title, when: formatDateTime(alert.createdAt, payload.locale) }));
    for (const incident of alert.incidents) {
      const place = [incident.location, incident.admin2, incident.admin1, label("country", incident.country)].filter(Boolean).filter((value, index, all) => all.indexOf(value) === index).join(", ");
      let line = t("incident", { date: formatDay(incident.eventDate, payload.locale), eventType: label("eventType", incident.eventType), place });
      if (incident.actors) line = t("actors", { text: line, actors: incident.actors });
      if (incident.fatalities !== null) line = t("killed", { text: line, count: incident.fatalities });
      lines.push(`  - ${line}`, `    ${incident.url}`);
    }
    lines.push("");
  }
  lines.push(t("footer", { watch: payload.watch.name, url: payload.watch.url }));
  return lines.join("\n");
}
