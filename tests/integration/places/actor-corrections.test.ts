/**
 * "Corrections teach", for actors, through the incident edit form's server action against PostgreSQL: an
 * analyst replaces an actor on an incident (links, actor_names, version and audit row change together, so
 * an open form conflicts), and when the box is ticked the name the extractor had becomes an alias of the
 * actor chosen: the other incidents of that name move, the actors queue shows it linked, and the next
 * ingest maps the name to the actor. Dictionary actors are not offered as names to record; a viewer
 * changes nothing.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH as patchIncident } from "@/app/api/incidents/[id]/route";
import { query, resetDatabase } from "../db";
import { battleWithGroup, rollupDifferences, seedReference, storeIncidents, unplacedIncident } from "./fixtures";
import { databaseSnapshot, interruption } from "../access-fixture";
import { signedInUser, withCookie, type Caller } from "../session";

// The action reads the session through next/headers; outside a request the test supplies the cookie a
// browser would send, and the guard runs unchanged.
const session = vi.hoisted(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  return { cookie: "" };
});
vi.mock("next/headers", async () => {
  const { parseCookieHeader } = await import("@/lib/auth/session-token");
  return {
    cookies: async () => {
      const jar = parseCookieHeader(session.cookie);
      return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), set: () => undefined };
    },
    headers: async () => new Headers(session.cookie ? { cookie: session.cookie } : {}),
  };
});
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }), getLocale: async () => "en", getMessages: async () => messages };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { updateIncidentAction } = await import("@/app/(dashboard)/incidents/actions");

let analyst: Caller;
let viewer: Caller;

beforeAll(async () => {
  await resetDatabase();
  await seedReference();
  analyst = await signedInUser("analyst");
  viewer = await signedInUser("viewer");
});

const withGroup = (group: string, day: string) => battleWithGroup(group, day, 3);

type Row = {
  id: number;
  version: number;
  event_date: Date;
  event_type: string;
  sub_event_type: string;
  summary: string;
  country: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number;
  fatalities: number | null;
  actor_names: string;
};

async function incident(id: number): Promise<Row> {
  const [row] = await query<Row>(`SELECT id, version, event_date, event_type, sub_event_type, summary, country, admin1, admin2, location, latitude, longitude, geo_precision, fatalities, actor_names FROM incident WHERE id = $1`, [id]);
  return row!;
}

async function links(id: number) {
  return query<{ name: string; role: string }>(`SELECT a.name, ia.role::text AS role FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = $1 ORDER BY ia.role, a.name`, [id]);
}

async function actorId(name: string): Promise<number> {
  const [row] = await query<{ id: number }>(`SELECT id FROM actor WHERE name = $1`, [name]);
  if (!row) throw new Error(`no actor ${name}`);
  return row.id;
}

/** The edit form as the page posts it, with its actor slots: each [role, actor it had, actor chosen, record box]. */
function editForm(row: Row, slots: [string, number | null, number | null, boolean?][], extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    id: String(row.id),
    version: String(row.version),
    eventDate: row.event_date.toISOString().slice(0, 10),
    datePrecision: "day",
    eventType: row.event_type,
    subEventType: row.sub_event_type,
    summary: row.summary,
    country: row.country,
    admin1: row.admin1 ?? "",
    admin2: row.admin2 ?? "",
    location: row.location ?? "",
    latitude: row.latitude === null ? "" : String(row.latitude),
    longitude: row.longitude === null ? "" : String(row.longitude),
    geoPrecision: String(row.geo_precision),
    fatalities: row.fatalities === null ? "" : String(row.fatalities),
    actorsEdited: "1",
    ...extra,
  };
  slots.forEach(([role, was, chosen, learn], index) => {
    fields[`actorRole.${index}`] = role;
    fields[`actorWas.${index}`] = was === null ? "" : String(was);
    fields[`actorId.${index}`] = chosen === null ? "" : String(chosen);
    if (learn) fields[`actorLearn.${index}`] = "on";
  });
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

async function asUser(caller: Caller, form: FormData) {
  session.cookie = caller.cookie;
  try {
    return await updateIncidentAction({ status: "idle" }, form);
  } finally {
    session.cookie = "";
  }
}

describe("editing an incident's actors", () => {
  it("replaces an actor: links, actor_names, a new version and an audit row, in one save; the form it was opened with then conflicts", async () => {
    const [id] = await storeIncidents([withGroup("Katiba Bourgou Nord", "2025-03-01")]);
    const before = await incident(id!);
    const [serma, jnim, mali] = [await actorId("Katiba Bourgou Nord"), await actorId("JNIM"), await actorId("Military Forces of Mali")];
    const result = await asUser(analyst, editForm(before, [["actor1", serma, jnim], ["actor2", mali, mali], ["associated", null, null]]));
    expect(result).toEqual({ status: "ok", message: "Saved." });
    expect(await links(id!)).toEqual([
      { name: "JNIM", role: "actor1" },
      { name: "Military Forces of Mali", role: "actor2" },
    ]);
    const after = await incident(id!);
    expect(after.actor_names).toBe("JNIM; Military Forces of Mali");
    expect(after.version).toBe(before.version + 1);
    const [audit] = await query<{ details: { changes: Record<string, unknown>; version: number } }>(
      `SELECT details FROM audit_event WHERE action = 'incident.update' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
      [String(id)],
    );
    expect(audit!.details).toEqual({
      version: before.version + 1,
      changes: { actors: { from: ["actor1: Katiba Bourgou Nord", "actor2: Military Forces of Mali"], to: ["actor1: JNIM", "actor2: Military Forces of Mali"] } },
    });
    // Not recorded: the name stays in the queue, and the provisional actor keeps nothing of this incident.
    expect(await query(`SELECT status::text FROM actor_name WHERE name = 'Katiba Bourgou Nord'`)).toEqual([{ status: "pending" }]);
    expect(await rollupDifferences()).toEqual([]);

    const stale = await asUser(analyst, editForm(before, [["actor1", serma, mali]]));
    expect(stale).toMatchObject({ status: "error", conflict: true });
    expect(await links(id!)).toEqual([
      { name: "JNIM", role: "actor1" },
      { name: "Military Forces of Mali", role: "actor2" },
    ]);
  });

  it("refuses to record a name for an actor the incident does not carry, and changes nothing", async () => {
    const [elsewhere] = await storeIncidents([withGroup("Katiba Tessit Ouest", "2025-03-05")]);
    const [edited] = await storeIncidents([withGroup("Katiba Boni Nord", "2025-03-06")]);
    const before = await incident(edited!);
    const [linksBefore, elsewhereBefore] = [await links(edited!), await links(elsewhere!)];
    const [foreign, own, jnim] = [await actorId("Katiba Tessit Ouest"), await actorId("Katiba Boni Nord"), await actorId("JNIM")];
    // The form claims the slot held another incident's actor, to fold that actor into JNIM.
    const result = await asUser(analyst, editForm(before, [["actor1", foreign, jnim, true]]));
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/not an actor of incident/) });
    expect(own).not.toBe(foreign);
    expect(linksBefore).toContainEqual({ name: "Katiba Boni Nord", role: "actor1" });
    expect(await links(edited!)).toEqual(linksBefore);
    expect(await links(elsewhere!)).toEqual(elsewhereBefore);
    expect((await incident(edited!)).version).toBe(before.version);
    expect(await query(`SELECT status::text FROM actor_name WHERE name = 'Katiba Tessit Ouest'`)).toEqual([{ status: "pending" }]);
  });

  it("adds and removes actors; the same links again write nothing", async () => {
    const [id] = await storeIncidents([withGroup("Katiba Gourma", "2025-03-02")]);
    const before = await incident(id!);
    const [gourma, mali, isgs] = [await actorId("Katiba Gourma"), await actorId("Military Forces of Mali"), await actorId("Islamic State Sahel")];
    expect((await asUser(analyst, editForm(before, [["actor1", gourma, gourma], ["actor2", mali, null], ["associated", null, isgs]]))).status).toBe("ok");
    expect(await links(id!)).toEqual([
      { name: "Katiba Gourma", role: "actor1" },
      { name: "Islamic State Sahel", role: "associated" },
    ]);
    const after = await incident(id!);
    expect(after.actor_names).toBe("Katiba Gourma; Islamic State Sahel");
    expect((await asUser(analyst, editForm(after, [["actor1", gourma, gourma], ["associated", isgs, isgs]]))).status).toBe("ok");
    expect((await incident(id!)).version).toBe(after.version);
    expect(await rollupDifferences()).toEqual([]);
  });

  it("refuses an actor that does not exist, with a message, and changes nothing", async () => {
    const [id] = await storeIncidents([withGroup("Katiba Douentza", "2025-03-03")]);
    const before = await incident(id!);
    const result = await asUser(analyst, editForm(before, [["actor1", null, 999_999]]));
    expect(result).toEqual({ status: "error", message: "actors: actor 999999 does not exist" });
    expect(await incident(id!)).toEqual(before);
  });
});

describe("recording an actor correction for the name", () => {
  it("makes the extracted name an alias of the chosen actor: its other incidents move, the queue shows it linked, the next ingest uses it", async () => {
    const ids = await storeIncidents([withGroup("Katiba Hombori Sud", "2025-04-01"), withGroup("Katiba Hombori Sud", "2025-04-02"), withGroup("Katiba Hombori Sud", "2025-04-03")]);
    const [edited, ...others] = ids;
    const othersBefore = await Promise.all(others.map(incident));
    const [hombori, jnim, mali] = [await actorId("Katiba Hombori Sud"), await actorId("JNIM"), await actorId("Military Forces of Mali")];
    const result = await asUser(analyst, editForm(await incident(edited!), [["actor1", hombori, jnim, true], ["actor2", mali, mali]]));
    expect(result).toEqual({ status: "ok", message: "Saved. “Katiba Hombori Sud” is now a name of JNIM: 2 other incidents moved with it, and future articles use it." });

    for (const id of ids) expect(await links(id)).toEqual([{ name: "JNIM", role: "actor1" }, { name: "Military Forces of Mali", role: "actor2" }]);
    for (const [index, id] of others.entries()) {
      const row = await incident(id);
      expect(row.actor_names).toBe("JNIM; Military Forces of Mali");
      expect(row.version).toBe(othersBefore[index]!.version + 1);
    }
    expect(await query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'incident.actors' AND target_id = ANY($1::text[])`, [others.map(String)])).toEqual([{ n: 2 }]);
    expect(await query(`SELECT id FROM actor WHERE name = 'Katiba Hombori Sud'`)).toEqual([]);
    expect(await query(`SELECT a.name FROM actor_alias aa JOIN actor a ON a.id = aa.actor_id WHERE aa.alias = 'Katiba Hombori Sud'`)).toEqual([{ name: "JNIM" }]);
    expect(await query(`SELECT n.status::text, a.name FROM actor_name n JOIN actor a ON a.id = n.actor_id WHERE n.name = 'Katiba Hombori Sud'`)).toEqual([{ status: "alias", name: "JNIM" }]);
    expect(await rollupDifferences()).toEqual([]);

    const [next] = await storeIncidents([withGroup("Katiba Hombori Sud", "2025-04-04")]);
    expect((await incident(next!)).actor_names).toBe("JNIM; Military Forces of Mali");
  });

  it("leaves one link where an incident of the name already had the chosen actor in the same role", async () => {
    const [both] = await storeIncidents([
      unplacedIncident("Boni", { eventDate: "2025-04-05", actors: [{ name: "Katiba Dallol", role: "actor1", type: 3 }, { name: "JNIM", role: "actor1", type: 2 }] }),
    ]);
    const [edited] = await storeIncidents([withGroup("Katiba Dallol", "2025-04-06")]);
    expect(await links(both!)).toEqual([{ name: "JNIM", role: "actor1" }, { name: "Katiba Dallol", role: "actor1" }]);
    const [dallol, jnim, mali] = [await actorId("Katiba Dallol"), await actorId("JNIM"), await actorId("Military Forces of Mali")];
    expect((await asUser(analyst, editForm(await incident(edited!), [["actor1", dallol, jnim, true], ["actor2", mali, mali]]))).status).toBe("ok");
    expect(await links(both!)).toEqual([{ name: "JNIM", role: "actor1" }]);
    expect((await incident(both!)).actor_names).toBe("JNIM");
    expect(await rollupDifferences()).toEqual([]);
  });

  it("records a name that was never queued (not an armed group)", async () => {
    const [id] = await storeIncidents([
      unplacedIncident("Boni", { eventDate: "2025-04-10", latitude: 15.03, longitude: -1.98, geoPrecision: 1, actors: [{ name: "Milice de Boni", role: "actor1", type: 5 }] }),
    ]);
    expect(await query(`SELECT id FROM actor_name WHERE name = 'Milice de Boni'`)).toEqual([]);
    const [milice, dozo] = [await actorId("Milice de Boni"), await actorId("Dan Na Ambassagou")];
    const result = await asUser(analyst, editForm(await incident(id!), [["actor1", milice, dozo, true]]));
    expect(result.status).toBe("ok");
    expect(await query(`SELECT a.name FROM actor_alias aa JOIN actor a ON a.id = aa.actor_id WHERE aa.alias = 'Milice de Boni'`)).toEqual([{ name: "Dan Na Ambassagou" }]);
    expect(await query(`SELECT status::text FROM actor_name WHERE name = 'Milice de Boni'`)).toEqual([{ status: "alias" }]);
  });

  it("refuses to record a dictionary actor's name as an alias, before saving anything", async () => {
    const [id] = await storeIncidents([withGroup("Katiba Tessit", "2025-04-20")]);
    const before = await incident(id!);
    const [tessit, mali, isgs] = [await actorId("Katiba Tessit"), await actorId("Military Forces of Mali"), await actorId("Islamic State Sahel")];
    const aliasesBefore = await query(`SELECT * FROM actor_alias ORDER BY id`);
    const result = await asUser(analyst, editForm(before, [["actor1", tessit, tessit], ["actor2", mali, isgs, true]]));
    expect(result).toEqual({ status: "error", message: 'actors: "Military Forces of Mali" is an actor of the dictionary, not a name to record as an alias' });
    expect(await incident(id!)).toEqual(before);
    expect(await query(`SELECT * FROM actor_alias ORDER BY id`)).toEqual(aliasesBefore);
    // Ticking the box without replacing the actor is refused too.
    expect((await asUser(analyst, editForm(before, [["actor1", tessit, null, true]]))).status).toBe("error");
    expect(await links(id!)).toEqual([{ name: "Katiba Tessit", role: "actor1" }, { name: "Military Forces of Mali", role: "actor2" }]);
  });

  it("refuses a viewer and changes nothing, whatever the form asks", async () => {
    const [id] = await storeIncidents([withGroup("Katiba Ndaki", "2025-04-21")]);
    const [ndaki, jnim] = [await actorId("Katiba Ndaki"), await actorId("JNIM")];
    const form = editForm(await incident(id!), [["actor1", ndaki, jnim, true]]);
    const before = await databaseSnapshot();
    expect(await interruption(() => asUser(viewer, form))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;403/);
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("the incident API", () => {
  it("PATCH takes the actor links as the form does", async () => {
    const [id] = await storeIncidents([withGroup("Katiba Kouri", "2025-05-01")]);
    const before = await incident(id!);
    const jnim = await actorId("JNIM");
    const request = new Request(`http://localhost:3000/api/incidents/${id}`, {
      ...withCookie(analyst.cookie),
      method: "PATCH",
      headers: { ...(withCookie(analyst.cookie).headers as Record<string, string>), "content-type": "application/json" },
      body: JSON.stringify({ version: before.version, actors: [{ actorId: jnim, role: "actor1" }] }),
    });
    const response = await patchIncident(request, { params: Promise.resolve({ id: String(id) }) });
    expect(response.status).toBe(200);
    expect(await links(id!)).toEqual([{ name: "JNIM", role: "actor1" }]);
    const bad = new Request(`http://localhost:3000/api/incidents/${id}`, {
      method: "PATCH",
      headers: { ...(withCookie(analyst.cookie).headers as Record<string, string>), "content-type": "application/json" },
      body: JSON.stringify({ version: before.version + 1, actors: [{ actorId: jnim, role: "leader" }] }),
    });
    expect((await patchIncident(bad, { params: Promise.resolve({ id: String(id) }) })).status).toBe(400);
    // An id beyond the database's integers is a 400 naming the field, not a 500 from the query.
    const huge = new Request(`http://localhost:3000/api/incidents/${id}`, {
      method: "PATCH",
      headers: { ...(withCookie(analyst.cookie).headers as Record<string, string>), "content-type": "application/json" },
      body: JSON.stringify({ version: before.version + 1, actors: [{ actorId: 3_000_000_000, role: "actor1" }] }),
    });
    const refused = await patchIncident(huge, { params: Promise.resolve({ id: String(id) }) });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/actor/);
    expect(await links(id!)).toEqual([{ name: "JNIM", role: "actor1" }]);
  });
});
