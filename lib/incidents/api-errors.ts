/** Route-handler error mapping for the incidents API: a bad filter is a 400 naming each parameter. */
import type { NextResponse } from "next/server";
import { AppError, errorResponse } from "@/lib/errors/app-error";
import { FilterError } from "./filters";

export function incidentErrorResponse(error: unknown, headers?: HeadersInit): NextResponse {
  if (error instanceof FilterError) return errorResponse(new AppError("bad_request", error.message, error.issues), headers);
  return errorResponse(error, headers);
}

/** A positive integer route parameter, or a 400 (never a 500 from a NaN reaching the database). */
export function parseId(value: string, label = "id"): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new AppError("bad_request", `${label}: must be a positive whole number`);
  return Number(value);
}

/** The JSON body of a request, or a 400. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new AppError("unsupported_media_type", "Send JSON (Content-Type: application/json)");
  const text = await request.text();
  if (text.length > 100_000) throw new AppError("payload_too_large", "The body is too large");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON");
  }
}
