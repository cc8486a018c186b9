/** Edits with optimistic locking, review status, reversible merges, saved views, and their audit rows. */
import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import type { SessionUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors/app-error";
import { createSavedView, deleteSavedView, listSavedViews } from "@/lib/incidents/saved-views";
import { findIncident } from "@/lib/incidents/detail";
import { getIncidentPage } from "@/lib/incidents/table";
import { mergeIncidents, unmergeIncident } from "@/lib/incidents/merges";
import { setIncidentStatus, updateIncident } from "@/lib/incidents/edits";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { query } from "../db";
import { ids, seedFixtures } from "./fixtures";

let analyst: SessionUser;
let other: SessionUser;
beforeEach(async () => {
  await seedFixtures();
  analyst = await createUser({ email: "analyst@example.org", password: "correct horse battery", role: "analyst", name: "Ana" });
  other = await createUser({ email: "other@example.org", password: "correct horse battery", role: "analyst", name: "Oth" });
});

const auditRows = (action: string) => query<{ user_email: string; target_id: string; details: Record<string, unknown> }>(
  `SELECT user_email, target_id, details FROM audit_event WHERE action = $1 ORDER BY id`, [action]);

async function snapshot(id: number) {
  const [row] = await query(`SELECT id, merged_into_id, actor_names FROM incident WHERE id = $1`, [id]);
  const actors = await query(`SELECT actor_id, role::text FROM incident_actor WHERE incident_id = $1 ORDER BY actor_id, role`, [id]);
  const sources = await query(`SELECT source_id, fatalities FROM incident_source WHERE incident_id = $1 ORDER BY source_id`, [id]);
  const evidence = await query(`SELECT id FROM evidence WHERE incident_id = $1 ORDER BY id`, [id]);
  return { row, actors, sources, evidence };
}

describe("editing an incident", () => {
  it("saves changed fields, bumps the version and audits before/after", async () => {
    const updated = await updateIncident(ids.diboli, 1, { fatalities: 4, summary: "Enlèvement à Diboli, quatre morts.", admin2: "Kayes" }, analyst);
    expect(updated).toMatchObject({ fatalities: 4, version: 2, summary: "Enlèvement à Diboli, quatre morts." });
    const [event] = await auditRows("incident.update");
    expect(event).toMatchObject({ user_email: "analyst@example.org", target_id: String(ids.diboli) });
    expect(event!.details.changes).toEqual({ fatalities: { from: null, to: 4 }, summary: { from: "Enlèvement à Diboli : des éleveurs ciblés, bilan inconnu. Ça continue, « naïf » disent-ils.", to: "Enlèvement à Diboli, quatre morts." } });
  });

  it("refuses the second of two concurrent saves from the same version, and keeps the first", async () => {
    const results = await Promise.allSettled([
      updateIncident(ids.boni, 1, { fatalities: 5 }, analyst),
      updateIncident(ids.boni, 1, { fatalities: 9 }, other),
    ]);
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(AppError);
    expect(rejected[0]!.reason).toMatchObject({ code: "conflict" });
    expect((rejected[0]!.reason as Error).message).toMatch(/changed by someone else/);
    const winner = (fulfilled[0] as PromiseFulfilledResult<{ fatalities: number }>).value.fatalities;
    const [row] = await query<{ fatalities: number; version: number }>(`SELECT fatalities, version FROM incident WHERE id = $1`, [ids.boni]);
    expect(row).toEqual({ fatalities: winner, version: 2 });
    expect(await auditRows("incident.update")).toHaveLength(1);
  });

  it("refuses a stale version without writing anything", async () => {
    await updateIncident(ids.boni, 1, { fatalities: 5 }, analyst);
    await expect(updateIncident(ids.boni, 1, { fatalities: 7, summary: "overwritten" }, other)).rejects.toMatchObject({ code: "conflict" });
    const [row] = await query(`SELECT fatalities, summary, version FROM incident WHERE id = $1`, [ids.boni]);
    expect(row).toEqual({ fatalities: 5, summary: "An IED exploded under a truck near Boni.", version: 2 });
  });

  it("rejects an inconsistent event type pair and unknown incidents", async () => {
    await expect(updateIncident(ids.boni, 1, { subEventType: "Peaceful protest" }, analyst)).rejects.toMatchObject({ code: "bad_request" });
    await expect(updateIncident(999_999, 1, { fatalities: 1 }, analyst)).rejects.toMatchObject({ code: "not_found" });
  });

  it("verifies and rejects with an audit row, refusing a stale version", async () => {
    await setIncidentStatus(ids.djibo, "verified", analyst, 1);
    await expect(setIncidentStatus(ids.djibo, "rejected", other, 1)).rejects.toMatchObject({ code: "conflict" });
    await setIncidentStatus(ids.djibo, "rejected", other, 2);
    const events = await auditRows("incident.status");
    expect(events.map((event) => [event.user_email, event.details])).toEqual([
      ["analyst@example.org", { from: "unverified", to: "verified" }],
      ["other@example.org", { from: "verified", to: "rejected" }],
    ]);
  });
});

describe("merging incidents", () => {
  it("moves the merged incident's links, hides it, and un-merging restores both exactly", async () => {
    const target = ids.sandare;
    const merged = ids.boni;
    const before = { target: await snapshot(target), merged: await snapshot(merged) };

    const { mergeId } = await mergeIncidents(target, merged, analyst);
    const after = { target: await snapshot(target), merged: await snapshot(merged) };
    expect(after.merged.row).toMatchObject({ merged_into_id: target });
    expect(after.target.sources).toEqual(before.merged.sources);
    expect(after.target.evidence).toEqual(before.merged.evidence);
    // JNIM (actor1) was on both: it stays with the merged incident, nothing is duplicated.
    expect(after.target.actors).toEqual(before.target.actors);
    const listed = (await getIncidentPage(parseIncidentFilter(new URLSearchParams("")))).rows.map((row) => row.id);
    expect(listed).not.toContain(merged);
    const detail = await findIncident(target);
    expect(detail!.sources.map((source) => source.id)).toEqual([ids.source]);
    expect(detail!.merges).toMatchObject([{ id: mergeId, mergedId: merged, undoneAt: null }]);

    await unmergeIncident(mergeId, analyst);
    expect({ target: await snapshot(target), merged: await snapshot(merged) }).toEqual(before);
    await expect(unmergeIncident(mergeId, analyst)).rejects.toMatchObject({ code: "conflict" });
    expect((await auditRows("incident.merge")).map((event) => event.target_id)).toEqual([String(target)]);
    expect((await auditRows("incident.unmerge")).map((event) => event.target_id)).toEqual([String(target)]);
  });

  it("moves actor links the target lacks and restores actor names on un-merge", async () => {
    const before = { target: await snapshot(ids.kidira), merged: await snapshot(ids.tillaberi) };
    const { mergeId } = await mergeIncidents(ids.kidira, ids.tillaberi, analyst);
    const [row] = await query<{ actor_names: string }>(`SELECT actor_names FROM incident WHERE id = $1`, [ids.kidira]);
    expect(row!.actor_names).toBe("Islamic State Sahel; Protesters; Military Forces of Niger");
    await unmergeIncident(mergeId, analyst);
    expect({ target: await snapshot(ids.kidira), merged: await snapshot(ids.tillaberi) }).toEqual(before);
  });

  it("refuses merging into itself, twice, or into a merged incident", async () => {
    await expect(mergeIncidents(ids.boni, ids.boni, analyst)).rejects.toMatchObject({ code: "bad_request" });
    await mergeIncidents(ids.sandare, ids.boni, analyst);
    await expect(mergeIncidents(ids.djibo, ids.boni, analyst)).rejects.toMatchObject({ code: "conflict" });
    await expect(mergeIncidents(ids.boni, ids.djibo, analyst)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("saved views", () => {
  it("keeps views private unless shared, and only the owner deletes them", async () => {
    const mine = await createSavedView(analyst, { name: "Kayes", query: "?admin1=Kayes&page=3", shared: false });
    const team = await createSavedView(analyst, { name: "JNIM 2024", query: "actor=JNIM&from=2024-01-01", shared: true });
    expect(mine.query).toBe("admin1=Kayes");
    expect((await listSavedViews(analyst)).map((view) => view.name).sort()).toEqual(["JNIM 2024", "Kayes"]);
    expect((await listSavedViews(other)).map((view) => view.name)).toEqual(["JNIM 2024"]);
    await expect(deleteSavedView(other, team.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteSavedView(other, mine.id)).rejects.toMatchObject({ code: "not_found" });
    await deleteSavedView(analyst, mine.id);
    expect((await listSavedViews(analyst)).map((view) => view.name)).toEqual(["JNIM 2024"]);
    expect((await auditRows("view.create")).length).toBe(2);
  });
});
