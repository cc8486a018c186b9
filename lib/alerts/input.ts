/**
 * What a client may send to create or change a watch. The filter is the URL query of /incidents, parsed by
 * the one filter contract (strictly: a watch on a misspelled parameter would silently watch everything).
 */
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { FilterError, filterToSearchParams, parseIncidentFilter, type IncidentFilter } from "@/lib/incidents/filters";
import { parseOutboundUrl } from "@/lib/net/safe-fetch";

export const WATCH_CONDITIONS = ["every", "fatalities", "surge"] as const;
export const EMAIL_MODES = ["off", "immediate", "daily", "weekly"] as const;

const noControl = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

const webhookUrl = z
  .string()
  .max(2000, "is too long (2000 characters at most)")
  .refine((value) => {
    try {
      parseOutboundUrl(value, "webhookUrl");
      return true;
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

const fields = {
  name: z.string().trim().min(1, "must not be empty").max(120, "is too long (120 characters at most)").refine(noControl, "must not contain control characters"),
  query: z.string().max(4000, "is too long (4000 characters at most)"),
  condition: z.enum(WATCH_CONDITIONS, { message: `must be one of ${WATCH_CONDITIONS.join(", ")}` }),
  minFatalities: z.number().int("must be a whole number").min(1, "must be 1 or more").max(100_000).nullable(),
  verifiedOnly: z.boolean(),
  shared: z.boolean(),
  emailMode: z.enum(EMAIL_MODES, { message: `must be one of ${EMAIL_MODES.join(", ")}` }),
  webhookUrl: webhookUrl.nullable(),
  webhookSecret: z.string().min(16, "must be at least 16 characters").max(200, "is too long (200 characters at most)").refine(noControl, "must not contain control characters").nullable(),
  maxAlertsPerHour: z.number().int("must be a whole number").min(1, "must be 1 or more").max(60, "must be 60 or less"),
  active: z.boolean(),
};

export const watchCreateSchema = z
  .strictObject({
    ...fields,
    condition: fields.condition.default("every"),
    minFatalities: fields.minFatalities.optional(),
    verifiedOnly: fields.verifiedOnly.default(false),
    shared: fields.shared.default(false),
    emailMode: fields.emailMode.default("off"),
    webhookUrl: fields.webhookUrl.optional(),
    webhookSecret: fields.webhookSecret.optional(),
    maxAlertsPerHour: fields.maxAlertsPerHour.default(6),
    active: fields.active.default(true),
  })
  .refine((watch) => watch.condition !== "fatalities" || watch.minFatalities != null, { message: "is required when condition is fatalities", path: ["minFatalities"] })
  .refine((watch) => !watch.webhookUrl || !!watch.webhookSecret, { message: "is required with a webhookUrl (it signs every call)", path: ["webhookSecret"] });

export const watchPatchSchema = z
  .strictObject({
    name: fields.name.optional(),
    query: fields.query.optional(),
    condition: fields.condition.optional(),
    minFatalities: fields.minFatalities.optional(),
    verifiedOnly: fields.verifiedOnly.optional(),
    shared: fields.shared.optional(),
    emailMode: fields.emailMode.optional(),
    webhookUrl: fields.webhookUrl.optional(),
    webhookSecret: fields.webhookSecret.optional(),
    maxAlertsPerHour: fields.maxAlertsPerHour.optional(),
    active: fields.active.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "Give at least one field to change");

export type WatchCreateInput = z.infer<typeof watchCreateSchema>;
export type WatchPatchInput = z.infer<typeof watchPatchSchema>;

/**
 * The watch's filter in its canonical URL form. Paging, sort and `since` say nothing about which incidents
 * are watched (and `since` would freeze the watch on one moment), so they are refused rather than dropped.
 */
export function normalizeWatchQuery(query: string): { query: string; filter: IncidentFilter } {
  const params = new URLSearchParams(query.replace(/^\?/, ""));
  for (const key of ["since", "page", "pageSize", "sort"]) params.delete(key);
  let filter: IncidentFilter;
  try {
    filter = parseIncidentFilter(params);
  } catch (error) {
    if (error instanceof FilterError) {
      const issues = error.issues.map((issue) => ({ ...issue, parameter: `query.${issue.parameter}` }));
      throw new AppError("bad_request", issues.map((issue) => `${issue.parameter}: ${issue.message}`).join("; "), issues);
    }
    throw error;
  }
  return { query: filterToSearchParams(filter).toString(), filter };
}

/** The filter of a stored watch (stored canonical, so a tolerant parse never drops anything). */
export function watchFilter(query: string): IncidentFilter {
  return parseIncidentFilter(new URLSearchParams(query));
}
