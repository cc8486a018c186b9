/**
 * The one mapping from a thrown value to an HTTP answer, `{ error, message, details? }`: `error` is the
 * stable, machine-readable code (and `details[].parameter` names each bad input), `message` a sentence in
 * the caller's language. An AppError keeps its status; a ZodError is a 400 naming each field; a database
 * that cannot be reached is a 503 to retry; anything else is a bug, logged, and a 500 that reveals nothing.
 */
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, isDatabaseUnavailable, zodMessage } from "@/lib/errors/app-error";
import { errorWording, type ErrorWording } from "@/lib/errors/localize";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";

export type ErrorResponseOptions = { locale?: Locale; headers?: HeadersInit };

export async function errorResponse(error: unknown, { locale = DEFAULT_LOCALE, headers }: ErrorResponseOptions = {}): Promise<NextResponse> {
  const words = await errorWording(locale);
  if (error instanceof AppError) {
    const retry: Record<string, string> = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {};
        return NextResponse.json(
      { error: error.code, message: words.message(error), ...(error.details ? { details: localizedDetails(error.details, words) } : {}) },
      { status: error.status, headers: { ...Object.fromEntries(new Headers(headers)), ...retry } },
    );
  }
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: "bad_request", message: words.knownList(zodMessage(error)), details: localizedDetails(error.issues, words) },
      { status: 400, headers },
    );
  }
  if (isDatabaseUnavailable(error)) {
    return NextResponse.json(
      { error: "unavailable", message: words.unavailable() },
      { status: 503, headers: { "Retry-After": "5", ...Object.fromEntries(new Headers(headers)) } },
    );
  }
  console.error(error);
  return NextResponse.json({ error: "internal", message: words.internal() }, { status: 500, headers });
}

/** Issue lists (`[{ parameter | path, message }]`) get their messages translated; their names stay. */
function localizedDetails(details: unknown, words: ErrorWording): unknown {
  if (words.locale === "en" || !Array.isArray(details)) return details;
  return details.map((item: unknown) =>
    item && typeof item === "object" && typeof (item as { message?: unknown }).message === "string"
      ? { ...item, message: words.known((item as { message: string }).message) }
      : item,
  );
}
