import type { Locale } from "./config";
import en from "./messages/en.json";

export type Messages = typeof en;

/** English is always loaded (it is the fallback); French only when asked for, then kept by the module cache. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === "fr") return (await import("./messages/fr.json")).default as Messages;
  return en;
}
