/**
 * An error's message in the caller's language. Keyed AppErrors are worded from their key. The schemas'
 * validation messages ("from: is not a real calendar date") and the data layer's "Incident 7 does not
 * exist" are written in English where they are thrown; each one that matches a template of
 * `apiErrors.templates` is worded again from that template's translation, with the same values; a message
 * that no template matches whole is worded part by part. Parameter names before a colon are the API's own
 * and are never translated; a part no template matches stays in English.
 */
import { createTranslator } from "next-intl";
import type { Locale } from "../i18n/config";
import { loadMessages, type Messages } from "../i18n/messages";
import en from "../i18n/messages/en.json";
import { AppError } from "./app-error";

type Template = { key: keyof Messages["apiErrors"]["templates"]; pattern: RegExp; names: string[] };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** English templates as anchored patterns; the most literal first, so "one of {values} ({label})" wins over "one of {values}". */
const TEMPLATES: Template[] = Object.entries(en.apiErrors.templates)
  .map(([key, text]) => {
    const names = [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const source = text.split(/\{\w+\}/).map(escape).join("(.+?)");
    return { key: key as Template["key"], pattern: new RegExp(`^${source}$`, "s"), names, literal: text.replace(/\{\w+\}/g, "").length };
  })
  .sort((a, b) => b.literal - a.literal);

export type ErrorWording = {
  locale: Locale;
  /** A keyed message in this language. */
  keyed(error: AppError): string;
  /** One English message ("is not a real calendar date"), translated when a template matches. */
  known(message: string): string;
  /** A whole message when a template matches it, else "param: message; other: message", each part translated when a template matches. */
  knownList(text: string): string;
  /** An AppError's message: keyed, else validation issues one by one, else the whole message. */
  message(error: AppError): string;
  internal(): string;
  unavailable(): string;
};

export async function errorWording(locale: Locale): Promise<ErrorWording> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "apiErrors" });
  const known = (message: string): string => {
    if (locale === "en") return message;
    for (const template of TEMPLATES) {
      const match = template.pattern.exec(message);
      if (!match) continue;
      const values = Object.fromEntries(template.names.map((name, index) => [name, match[index + 1]!]));
      return t(`templates.${template.key}`, values as never);
    }
    return message;
  };
  const keyed = (error: AppError): string => (error.keyed && locale !== "en" ? t(error.keyed.key, error.keyed.values as never) : error.message);
  const knownList = (text: string): string =>
    locale === "en" || known(text) !== text
      ? known(text)
      : text
          .split("; ")
          .map((part) => {
            const colon = part.indexOf(": ");
            const whole = known(part);
            if (whole !== part || colon < 0) return whole;
            return `${part.slice(0, colon)}: ${known(part.slice(colon + 2))}`;
          })
          .join("; ");
  return {
    locale,
    keyed,
    known,
    knownList,
    message: (error) => (error.keyed ? keyed(error) : knownList(error.message)),
    internal: () => t("internal"),
    unavailable: () => t("unavailable"),
  };
}
