"use server";

/**
 * Server actions of the incidents pages. Each one checks the user and role on the server (the buttons
 * being hidden for viewers is a convenience, not the protection) and returns a message instead of
 * throwing, so the form can show it.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { ACTION_ROLES } from "@/lib/auth/access";
import { actionIp, requirePageUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { failure } from "@/lib/errors/action-failure";
import type { ActionState } from "@/lib/errors/action-state";
import { createSavedView, deleteSavedView } from "@/lib/incidents/saved-views";
import { incidentPatchSchema, setIncidentStatus, updateIncident, type IncidentPatch } from "@/lib/incidents/edits";
import { mergeIncidents, unmergeIncident } from "@/lib/incidents/merges";
import { REVIEW_STATUSES } from "@/lib/incidents/taxonomy";
import { recordPlaceCorrection } from "@/lib/places/corrections";
import type { ReviewStatus } from "@/lib/db/generated/client";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};
const optionalNumber = (value: string) => (value === "" ? null : Number(value));

/** Reads the edit form into a patch; unchanged inputs are still sent, the data layer skips equal values. */
function patchFromForm(form: FormData): IncidentPatch {
  return incidentPatchSchema.parse({
    eventDate: text(form, "eventDate"),
    endDate: text(form, "endDate") || null,
    datePrecision: text(form, "datePrecision"),
    eventType: text(form, "eventType"),
    subEventType: text(form, "subEventType"),
    summary: text(form, "summary"),
    country: text(form, "country"),
    admin1: text(form, "admin1") || null,
    admin1Reform: text(form, "admin1Reform") || null,
    admin2: text(form, "admin2") || null,
    location: text(form, "location") || null,
    latitude: optionalNumber(text(form, "latitude")),
    longitude: optionalNumber(text(form, "longitude")),
    geoPrecision: Number(text(form, "geoPrecision")),
    fatalities: optionalNumber(text(form, "fatalities")),
  });
}

export async function updateIncidentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.updateIncidentAction);
  try {
    const id = Number(text(form, "id"));
    const version = Number(text(form, "version"));
    const patch = patchFromForm(form);
    // Offered on the form, never implied: the analyst ticks it to teach the correction for the name.
    const teach = form.get("learnPlace") === "on";
    const originalName = text(form, "originalLocation");
    if (teach && (patch.latitude == null || patch.longitude == null || !patch.admin1)) {
      throw new AppError("bad_request", (await getTranslations("actions"))("placeNeedsPosition"));
    }
    const saved = await updateIncident(id, version, patch, user);
    revalidatePath(`/incidents/${id}`);
    const t = await getTranslations("actions");
    if (!teach) return { status: "ok", message: t("saved") };
    const learned = await recordPlaceCorrection(
      { name: originalName, country: saved.country, latitude: saved.latitude, longitude: saved.longitude, admin1: saved.admin1, admin2: saved.admin2 },
      user,
      await actionIp(),
    );
    revalidatePath("/places");
    return { status: "ok", message: t("savedAndPlaced", { name: originalName, count: learned.incidentsChanged }) };
  } catch (error) {
    return await failure(error, { versioned: true });
  }
}

export async function setStatusAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.setStatusAction);
  try {
    const id = Number(text(form, "id"));
    const status = text(form, "status");
    if (!(REVIEW_STATUSES as readonly string[]).includes(status)) throw new AppError("bad_request", "Unknown status");
    await setIncidentStatus(id, status as ReviewStatus, user, Number(text(form, "version")));
    revalidatePath(`/incidents/${id}`);
    return { status: "ok", message: (await getTranslations("actions"))("marked", { status }) };
  } catch (error) {
    return await failure(error, { versioned: true });
  }
}

export async function mergeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.mergeAction);
  try {
    const targetId = Number(text(form, "targetId"));
    const mergedId = Number(text(form, "mergedId"));
    if (!Number.isInteger(targetId) || !Number.isInteger(mergedId) || mergedId < 1) throw new AppError("bad_request", "Give the number of the incident to merge");
    await mergeIncidents(targetId, mergedId, user);
    revalidatePath(`/incidents/${targetId}`);
    return { status: "ok", message: (await getTranslations("actions"))("merged", { id: mergedId }) };
  } catch (error) {
    return await failure(error);
  }
}

export async function unmergeAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.unmergeAction);
  try {
    const { targetId, mergedId } = await unmergeIncident(Number(text(form, "mergeId")), user);
    revalidatePath(`/incidents/${targetId}`);
    revalidatePath(`/incidents/${mergedId}`);
    return { status: "ok", message: (await getTranslations("actions"))("unmerged", { id: mergedId }) };
  } catch (error) {
    return await failure(error);
  }
}

export async function saveViewAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.saveViewAction);
  try {
    await createSavedView(user, { name: text(form, "name"), query: text(form, "query"), shared: form.get("shared") === "on" });
    revalidatePath("/incidents");
    return { status: "ok", message: (await getTranslations("actions"))("viewSaved") };
  } catch (error) {
    return await failure(error);
  }
}

export async function deleteViewAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.deleteViewAction);
  try {
    await deleteSavedView(user, Number(text(form, "id")));
    revalidatePath("/incidents");
    return { status: "ok", message: (await getTranslations("actions"))("viewDeleted") };
  } catch (error) {
    return await failure(error);
  }
}
