/**
 * The one check of a calendar day written YYYY-MM-DD, for every input (filters, edits, ingest, feeds):
 * JavaScript's Date would silently roll 2025-02-31 over to 2025-03-03, so a day is accepted only when it
 * names itself back.
 */
import { z } from "zod";

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(value: string): boolean {
  if (!SHAPE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const calendarDay = z
  .string()
  .regex(SHAPE, "must be a date as YYYY-MM-DD")
  .refine(isCalendarDay, "is not a real calendar date");
