/** Every filter of the contract against real PostgreSQL, alone and combined, with sorting and paging. */
import { beforeAll, describe, expect, it } from "vitest";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { prisma } from "@/lib/db/client";
import { getIncidentPage, getTextPageRowsWithoutWalk } from "@/lib/incidents/table";
import { incidentWhere } from "@/lib/incidents/where";
import { ALL_LISTED, ids, seedFixtures } from "./fixtures";

beforeAll(seedFixtures);

async function idsFor(query: string): Promise<number[]> {
  const page = await getIncidentPage(parseIncidentFilter(new URLSearchParams(query)));
  return page.rows.map((row) => row.id);
}
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

describe("incident filters", () => {
  it("lists every incident except merged ones, newest first, ties broken by id", async () => {
    const rows = await idsFor("");
    expect(sorted(rows)).toEqual(sorted(ALL_LISTED()));
    expect(rows).not.toContain(ids.merged);
    // Sandaré and Tillabéri share 2024-05-10: the higher id comes first in a descending sort.
    expect(rows.indexOf(ids.tillaberi)).toBeLessThan(rows.indexOf(ids.sandare));
    expect(rows[0]).toBe(ids.djibo);
  });

  it.each([
    ["country=Senegal", () => [ids.kidira]],
    ["country=Mali&country=Niger", () => [ids.sandare, ids.diboli, ids.boni, ids.tillaberi]],
    ["admin1=Kayes", () => [ids.sandare, ids.diboli]],
    ["admin1=Nioro", () => [ids.sandare]],
    ["admin1=Douentza&admin1=Tambacounda", () => [ids.boni, ids.kidira]],
    ["admin2=Nioro du Sahel", () => [ids.sandare]],
    ["location=Diboli&location=Kidira", () => [ids.diboli, ids.kidira]],
    ["actor=JNIM", () => [ids.sandare, ids.boni]],
    ["actor=GSIM", () => [ids.sandare, ids.boni]],
    ["actor=groupe de soutien a l islam et aux musulmans", () => [ids.sandare, ids.boni]],
    ["actor=EIGS&actor=Protesters", () => [ids.diboli, ids.tillaberi, ids.kidira]],
    ["actor=Nobody at all", () => []],
    ["actorType=6", () => [ids.kidira]],
    ["actorType=1", () => [ids.sandare, ids.djibo, ids.tillaberi].filter((id) => id !== ids.djibo)],
    ["eventType=Battles", () => [ids.sandare, ids.djibo, ids.tillaberi]],
    ["subEventType=Peaceful protest&subEventType=Remote explosive/landmine/IED", () => [ids.kidira, ids.boni]],
    ["from=2024-05-10&to=2024-06-01", () => [ids.sandare, ids.diboli, ids.tillaberi]],
    ["to=2023-01-01", () => [ids.kidira]],
    ["status=verified", () => [ids.sandare, ids.kidira]],
    ["status=rejected&status=unverified", () => [ids.diboli, ids.boni, ids.djibo, ids.tillaberi]],
    ["geoPrecision=2&geoPrecision=3", () => [ids.diboli, ids.djibo, ids.tillaberi]],
    ["minFatalities=10", () => [ids.sandare, ids.tillaberi]],
    ["minFatalities=0", () => [ids.sandare, ids.boni, ids.djibo, ids.kidira, ids.tillaberi]],
  ])("%s", async (query, expected) => {
    expect(sorted(await idsFor(query))).toEqual(sorted(expected()));
  });

  it("filters by source", async () => {
    expect(await idsFor(`source=${ids.source}`)).toEqual([ids.boni]);
  });

  it("searches summaries with French and English stemming, and source texts", async () => {
    expect(await idsFor("q=militaire")).toEqual([ids.sandare]); // French stem of "militaires"
    expect(sorted(await idsFor("q=attaques"))).toEqual(sorted([ids.sandare, ids.boni])); // "attaqué"; Boni's source title "Attaque"
    expect(await idsFor("q=exploding")).toEqual([ids.boni]); // English stem of "exploded"
    expect(await idsFor("q=convois")).toEqual([ids.boni]); // only in the source's text
    expect(await idsFor("q=Tillabéri")).toEqual([ids.tillaberi]);
    expect(await idsFor("q=zzzunknownword")).toEqual([]);
  });

  it.each(["q=attaques", "q=attaques&sort=-fatalities", "q=attaques&sort=location&pageSize=1&page=2", "q=convois", "q=zzzunknownword"])(
    "pages a text search the same without walking an index in sort order (the plan for rare words): ?%s",
    async (query) => {
      const filter = parseIncidentFilter(new URLSearchParams(query));
      const page = await getIncidentPage(filter);
      const collected = await getTextPageRowsWithoutWalk(incidentWhere(filter), filter.sort, filter.pageSize, (filter.page - 1) * filter.pageSize);
      expect(collected).toEqual(page.rows);
    },
  );

  it("ANDs different filters and ORs values of one filter", async () => {
    expect(await idsFor("country=Mali&actor=GSIM&status=verified")).toEqual([ids.sandare]);
    expect(sorted(await idsFor("admin1=Kayes&admin1=Mopti&from=2024-01-01"))).toEqual(sorted([ids.sandare, ids.diboli]));
    expect(await idsFor("admin1=Kayes&eventType=Protests")).toEqual([]);
    expect(await idsFor("admin1=Nioro&actor=JNIM&eventType=Battles&minFatalities=5&geoPrecision=1&from=2024-01-01&q=poste")).toEqual([ids.sandare]);
  });
});

describe("sorting", () => {
  it("sorts by fatalities with unknown last in both directions", async () => {
    const desc = await idsFor("sort=-fatalities");
    expect(desc[0]).toBe(ids.tillaberi);
    expect(desc.at(-1)).toBe(ids.diboli);
    const asc = await idsFor("sort=fatalities");
    expect(asc.at(-1)).toBe(ids.diboli);
    expect(asc.slice(0, 2).sort()).toEqual([ids.djibo, ids.kidira].sort());
  });

  it.each(["-fatalities", "fatalities"])(
    "pages sort=%s (known tolls from their index, then the unknown ones) exactly as one ORDER BY ... NULLS LAST",
    async (sort) => {
      const dir = sort.startsWith("-") ? "DESC" : "ASC";
      const expected = (
        await prisma.$queryRawUnsafe<{ id: number }[]>(
          `SELECT i.id FROM incident i WHERE i.merged_into_id IS NULL ORDER BY i.fatalities ${dir} NULLS LAST, i.event_date DESC, i.id DESC`,
        )
      ).map((row) => row.id);
      // Page sizes that put a page boundary before, on and across the first unknown toll.
      for (const pageSize of [1, 2, 4, 5]) {
        const collected: number[] = [];
        for (let page = 1; page <= Math.ceil(expected.length / pageSize) + 1; page++) collected.push(...(await idsFor(`sort=${sort}&pageSize=${pageSize}&page=${page}`)));
        expect(collected, `pageSize ${pageSize}`).toEqual(expected);
      }
    },
  );

  it("sorts by country, then newest first", async () => {
    const rows = await getIncidentPage(parseIncidentFilter(new URLSearchParams("sort=country")));
    expect(rows.rows.map((row) => row.country)).toEqual(["Burkina Faso", "Mali", "Mali", "Mali", "Niger", "Senegal"]);
    expect(rows.rows.slice(1, 4).map((row) => row.eventDate)).toEqual(["2024-06-01", "2024-05-10", "2023-03-15"]);
  });

  it("sorts by date ascending", async () => {
    expect((await idsFor("sort=eventDate"))[0]).toBe(ids.kidira);
  });
});

describe("pagination and totals", () => {
  it("pages without overlap or gap, with an exact total", async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await getIncidentPage(parseIncidentFilter(new URLSearchParams(`pageSize=2&page=${page}`)));
      expect(result).toMatchObject({ total: 6, totalIsEstimate: false, page, pageSize: 2 });
      seen.push(...result.rows.map((row) => row.id));
    }
    expect(seen).toEqual(await idsFor(""));
  });

  it("answers a page past the end with no rows and still the right total", async () => {
    const result = await getIncidentPage(parseIncidentFilter(new URLSearchParams("pageSize=5&page=3")));
    expect(result.rows).toEqual([]);
    expect(result.total).toBe(6);
  });

  it("counts the last partial page exactly", async () => {
    const result = await getIncidentPage(parseIncidentFilter(new URLSearchParams("pageSize=4&page=2")));
    expect(result.rows).toHaveLength(2);
    expect(result).toMatchObject({ total: 6, totalIsEstimate: false });
  });

  it("gives an empty result an exact zero", async () => {
    expect(await getIncidentPage(parseIncidentFilter(new URLSearchParams("country=Chad")))).toMatchObject({ rows: [], total: 0, totalIsEstimate: false });
  });

  it("returns rows with ISO dates and unknown fatalities as null", async () => {
    const [row] = (await getIncidentPage(parseIncidentFilter(new URLSearchParams("location=Diboli")))).rows;
    expect(row).toMatchObject({ id: ids.diboli, eventDate: "2024-06-01", fatalities: null, status: "unverified", actors: "Islamic State Sahel; Civilians" });
    expect(row!.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
