/**
 * ACLED codes (event and sub-event types, actor types, statuses...) and country names are stored, filtered
 * on and sent in English; only their display goes through the messages. Pure, so the CSV export and server code use it too.
 */
import type { Messages } from "./messages";

export type CodeKind = "eventType" | "subEventType" | "actorType" | "actorRole" | "status" | "datePrecision" | "disorderType" | "country";

/** The label of a code in one language; an unknown code (older data, a typo in a link) shows as itself. */
export function codeLabel(messages: Pick<Messages, CodeKind>, kind: CodeKind, code: string | number): string {
  const table = messages[kind] as Record<string, string> | undefined;
  return table?.[String(code)] ?? String(code);
}
