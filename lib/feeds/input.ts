/** What a client may send about a feed: strict zod schemas, so a bad field is a 400 that names it. */
import { z } from "zod";
import { AppError, zodMessage } from "@/lib/errors/app-error";
import { countryByCode } from "@/lib/ingest/gazetteer";

export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;
export const DEFAULT_INTERVAL_MINUTES = 15;

const interval = z
  .number({ message: "must be a number of minutes" })
  .int("must be a whole number of minutes")
  .min(MIN_INTERVAL_MINUTES, `must be at least ${MIN_INTERVAL_MINUTES} minute`)
  .max(MAX_INTERVAL_MINUTES, "must be at most a week");
const language = z.enum(["fr", "en"], { message: "must be fr or en" }).nullable();
const country = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => countryByCode(code) !== undefined, "must be the code of a country Vigie covers (e.g. ML, BF, NE)")
  .nullable();

export const createFeedSchema = z
  .object({
    url: z.string({ message: "is required" }).trim().min(1, "is required").max(2000, "is too long (2000 characters at most)"),
    intervalMinutes: interval.default(DEFAULT_INTERVAL_MINUTES),
    language: language.default(null),
    country: country.default(null),
  })
  .strict();

export const updateFeedSchema = z
  .object({ intervalMinutes: interval, language, country, paused: z.boolean({ message: "must be true or false" }) })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, "give at least one of intervalMinutes, language, country, paused");

export type CreateFeedInput = z.infer<typeof createFeedSchema>;
export type UpdateFeedInput = z.infer<typeof updateFeedSchema>;

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("bad_request", zodMessage(parsed.error), parsed.error.issues);
  return parsed.data;
}

export const parseCreateFeed = (value: unknown) => parse(createFeedSchema, value);
export const parseUpdateFeed = (value: unknown) => parse(updateFeedSchema, value);
