/**
 * Which messages reach the browser. The server renders with every message; client components get only the
 * namespaces their page uses, so a page's payload does not carry the whole dictionary (the French one is
 * ~27 KB). Every page wraps its client parts in <ClientMessages namespaces={[…]}>; the root layout gives the
 * frame's own (navigation, language switch, ACLED labels, country names).
 */
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "@/lib/i18n/messages";

type Namespace = keyof Messages;

/** Used by the frame and by components on every page (status badges, ACLED labels). */
export const COMMON_NAMESPACES: Namespace[] = ["nav", "header", "locale", "roles", "auth", "status", "eventType", "subEventType", "actorType", "actorRole", "datePrecision", "country", "dayInput"];

export async function pickMessages(namespaces: Namespace[]): Promise<Partial<Messages>> {
  const messages = (await getMessages()) as unknown as Messages;
  return Object.fromEntries([...COMMON_NAMESPACES, ...namespaces].map((namespace) => [namespace, messages[namespace]]));
}

export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await pickMessages(namespaces)}>{children}</NextIntlClientProvider>;
}
