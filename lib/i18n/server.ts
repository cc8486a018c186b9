import { getLocale, getMessages } from "next-intl/server";
import { formatterFor, type Formatter } from "./format";
import { codeLabel, type CodeKind } from "./labels";
import type { Messages } from "./messages";

/** Dates and numbers in the request's language, for server components (client ones use useFormat()). */
export async function getFormat(): Promise<Formatter> {
  return formatterFor(await getLocale());
}

/** (kind, code) → label in the request's language, for server components (client ones use useCodeLabel()). */
export async function getCodeLabel(): Promise<(kind: CodeKind, code: string | number) => string> {
  const messages = (await getMessages()) as unknown as Messages;
  return (kind, code) => codeLabel(messages, kind, code);
}
