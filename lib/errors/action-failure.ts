/**
 * The one way a server action turns an expected failure into a message in the user's language (the same
 * wording as the API's error answers).
 */
import { getLocale, getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { isLocale } from "@/lib/i18n/config";
import type { ActionState } from "./action-state";
import { AppError, zodMessage } from "./app-error";
import { errorWording } from "./localize";

/**
 * An expected failure (AppError, ZodError) as a message the user can act on. Next's own interruptions
 * (redirect, forbidden) go on; anything else is a bug: logged, and answered with a message that reveals
 * nothing. `versioned`: the form carried the version it loaded, so a conflict means someone saved in between.
 */
export async function failure(error: unknown, { versioned = false } = {}): Promise<ActionState> {
  unstable_rethrow(error);
  const t = await getTranslations("actions");
  const locale = await getLocale();
  const words = await errorWording(isLocale(locale) ? locale : "en");
  if (error instanceof AppError) {
    if (error.code === "conflict") return { status: "error", message: versioned ? t("conflict") : words.message(error), conflict: true };
    return { status: "error", message: words.message(error) };
  }
  if (error instanceof ZodError) return { status: "error", message: words.knownList(zodMessage(error)) };
  console.error(error);
  return { status: "error", message: t("failed") };
}
