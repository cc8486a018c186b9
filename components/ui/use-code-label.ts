import { useMessages } from "next-intl";
import { codeLabel, type CodeKind } from "@/lib/i18n/labels";
import type { Messages } from "@/lib/i18n/messages";

/** (kind, code) → the code's label in the page's language; see lib/i18n/labels.ts. */
export function useCodeLabel(): (kind: CodeKind, code: string | number) => string {
  const messages = useMessages() as unknown as Messages;
  return (kind, code) => codeLabel(messages, kind, code);
}
