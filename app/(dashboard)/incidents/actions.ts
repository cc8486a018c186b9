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
import { parseId } from "@/lib/http/params";
import { AppError } from "@/lib/errors/app-error";
import { failure } from "@/lib/errors/action-failure";
import type { ActionState } from "@/lib/errors/action-state";
import { createSavedView, deleteSavedView } from "@/lib/incidents/saved-views";
import { incidentPatchSchema, setIncidentStatus, updateIncident, type IncidentPatch } from "@/lib/incidents/edits";
import { mergeIncidents, unmergeIncident } from "@/lib/incidents/merges";
import { REVIEW_STATUSES } from "@/lib/incidents/taxonomy";
import { recordPlaceCorrection } from "@/lib/places/corrections";
import { checkActorCorrection, recordActorCorrection, type ActorCorrection } from "@/lib/actors/corrections";
import type { ReviewStatus } from "@/lib/db/generated/client";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};
const optionalNumber = (value: string) => (value === "" ? null : Number(value));

/**
 * The actor slots of the edit form (lib/incidents/actor-links.ts): slot i posts `actorRole.i`, the actor
 * chosen `actorId.i` ("" for none), the actor it had `actorWas.i` and the "record the name" box
 * `actorLearn.i`. A form without the slots leaves the links alone.
 */
function actorSlotsFromForm(form: FormData): { links: IncidentPatch["actors"]; corrections: ActorCorrection[] } {
  if (form.get("actorsEdited") !== "1") return { links: undefined, corrections: [] };
  const links: { actorId: number; role: string }[] = [];
  const corrections: ActorCorrection[] = [];
  for (const key of form.keys()) {
    const slot = /^actorRole\.(\d{1,2})$/.exec(key)?.[1];
    if (slot === undefined) continue;
    const chosen = text(form, `actorId.${slot}`);
    const was = text(form, `actorWas.${slot}`);
    if (chosen) links.push({ actorId: parseId(chosen, { parameter: "actors" }), role: text(form, key) });
    if (form.get(`actorLearn.${slot}`) !== "on") continue;
    if (!was || !chosen) throw new AppError("bad_request", "actors: to record a name, replace the actor that carried it with another actor");
    corrections.push({ fromActorId: parseId(was, { parameter: "actors" }), toActorId: parseId(chosen, { parameter: "actors" }) });
  }
  return { links: incidentPatchSchema.shape.actors.parse(links), corrections };
}

/** Reads the edit form into a patch; unchanged inputs are still sent, the data layer skips equal values. */
function patchFromForm(form: FormData, actors: IncidentPatch["actors"]): IncidentPatch {
  return incidentPatchSchema.parse({
    ...(actors ? { actors } : {}),
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
    const id = parseId(text(form, "id"));
    const version = parseId(text(form, "version"), { parameter: "version" });
    const actors = actorSlotsFromForm(form);
    const patch = patchFromForm(form, actors.links);
    // Offered on the form, never implied: the analyst ticks it to teach the correction for the name.
    const teach = form.get("learnPlace") === "on";
    const originalName = text(form, "originalLocation");
    const t = await getTranslations("actions");
    if (teach && (patch.latitude == null || patch.longitude == null || !patch.admin1)) {
      throw new AppError("bad_request", t("placeNeedsPosition"));
    }
    // Checked before the save, so a correction that cannot be recorded leaves the incident as it was.
    const recorded = await Promise.all(actors.corrections.map((correction) => checkActorCorrection(correction, id)));
    const saved = await updateIncident(id, version, patch, user);
    revalidatePath(`/incidents/${id}`);
    const messages = [t("saved")];
    const ip = await actionIp();
    if (teach) {
      const learned = await recordPlaceCorrection(
        { name: originalName, country: saved.country, latitude: saved.latitude, longitude: saved.longitude, admin1: saved.admin1, admin2: saved.admin2 },
        user,
        ip,
      );
      revalidatePath("/places");
      messages[0] = t("savedAndPlaced", { name: originalName, count: learned.incidentsChanged });
    }
    for (const [index, correction] of actors.corrections.entries()) {
      const learned = await recordActorCorrection(correction, user, ip);
      messages.push(t("actorRecorded", { ...recorded[index]!, count: learned.incidentsChanged }));
    }
    if (actors.corrections.length) revalidatePath("/places/actors");
    return { status: "ok", message: messages.join(" ") };
  } catch (error) {
    return await failure(error, { versioned: true });
  }
}

export async function setStatusAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const user = await requirePageUser(ACTION_ROLES.setStatusAction);
  try {
    const id = parseId(text(form, "id"));
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
    const targetId = parseId(text(form, "targetId"), { parameter: "targetId" });
    const mergedId = parseId(text(form, "mergedId"), { parameter: "mergedId" });
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
    const { targetId, mergedId } = await unmergeIncident(parseId(text(form, "mergeId"), { parameter: "mergeId" }), user);
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
    await deleteSavedView(user, parseId(text(form, "id")));
    revalidatePath("/incidents");
    return { status: "ok", message: (await getTranslations("actions"))("viewDeleted") };
  } catch (error) {
    return await failure(error);
  }
}
