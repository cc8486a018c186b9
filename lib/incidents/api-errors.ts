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
