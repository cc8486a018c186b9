/**
 * An alert's reason in words, in any language of the interface, from the same messages as the screens: the
 * inbox words it in the reader's language, e-mails in their recipient's saved language. The English
 * wording is also stored as the alert's title (the webhook field and API consumers of older versions).
 */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { codeLabel } from "@/lib/i18n/labels";
import en from "@/lib/i18n/messages/en.json";
import { loadMessages, type Messages } from "@/lib/i18n/messages";
import type { AlertReason, NamedList, SurgeSignal } from "./describe";

export type ReasonWords = (reason: AlertReason) => string;

/** The reason worder of one language, given its messages (a page passes the request's own). */
export function reasonWords(locale: Locale, messages: Messages): ReasonWords {
  const t = createTranslator({ locale, messages, namespace: "alertReason" });
  // A region keeps its proper name; a country (an incident with no region) is named in the reader's language.
  const place = (name: string) => codeLabel(messages, "country", name);
  const list = (names: NamedList, label: (name: string) => string = (name) => name): string => {
    const [first = "", second] = names.names.map(label);
    const shown = second === undefined ? first : t("list", { first, second });
    return names.more > 0 ? t("more", { list: shown, count: names.more }) : shown;
  };
  const surge = (signal: SurgeSignal) =>
    signal.rule === "week"
      ? t("surgeWeek", { area: signal.area, count: signal.count, average: signal.average })
      : t("surgeMonth", { area: signal.area, fatalities: signal.fatalities, previousHigh: signal.previousHigh });

  return (reason) => {
    if (reason.kind === "surge") {
      const [first, ...rest] = reason.signals;
      let text = first ? surge(first) : "";
      for (const signal of rest) text = t("surgeNext", { text, next: surge(signal) });
      return reason.more > 0 ? t("surgeMore", { text, count: reason.more }) : text;
    }
    let text = reason.minFatalities ? t("incidentsAtLeast", { count: reason.count, min: reason.minFatalities }) : t("incidents", { count: reason.count });
    if (reason.places.names.length) text = t("where", { text, places: list(reason.places, place) });
    if (reason.actors.names.length) text = t("who", { text, actors: list(reason.actors) });
    if (reason.killed > 0) text = t("toll", { text, killed: reason.killed });
    return text;
  };
}

/** Alerts with their title worded by `words`; an alert older than its stored reason keeps its English title. */
export function wordAlerts<T extends { title: string; reason: AlertReason | null }>(alerts: T[], words: ReasonWords): T[] {
  return alerts.map((alert) => (alert.reason ? { ...alert, title: words(alert.reason) } : alert));
}

const english = reasonWords("en", en);

/** The English wording, stored as the alert's title when it fires. */
export function englishTitle(reason: AlertReason): string {
  return english(reason);
}

/** The reason worder of a language, loading its messages (for e-mails and webhooks, outside a page). */
export async function reasonWordsFor(locale: Locale): Promise<ReasonWords> {
  return locale === "en" ? english : reasonWords(locale, await loadMessages(locale));
}
