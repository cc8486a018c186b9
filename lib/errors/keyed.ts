/** AppErrors worded from the message files, so that the one error mapping can answer in the caller's language. */
import { createTranslator } from "next-intl";
import en from "../i18n/messages/en.json";
import { AppError, type ErrorCode, type ErrorKey, type ErrorValues } from "./app-error";

const english = createTranslator({ locale: "en", messages: en, namespace: "apiErrors" });

/** An AppError whose message is `apiErrors.<key>`: English in `message`, any language through the mapper. */
export function keyedError(code: ErrorCode, key: ErrorKey, values?: ErrorValues, details?: unknown): AppError {
  return new AppError(code, english(key, values as never), details, undefined, { key, values });
}
