/** The CSV export against real PostgreSQL: same rows and order as the table, options, safety, audit. */
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { getIncidentPage } from "@/lib/incidents/table";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { openIncidentExport, parseExportParams } from "@/lib/incidents/export";
import { query } from "../db";
import { ids, seedFixtures } from "./fixtures";

beforeAll(seedFixtures);

async function exportText(params: string): Promise<{ text: string; bytes: Buffer; rowCount: number | null }> {
  const { body, rowCount } = await openIncidentExport(parseExportParams(new URLSearchParams(params)), { user: null, ip: "127.0.0.1" });
  const bytes = Buffer.from(await new Response(body).arrayBuffer());
  return { bytes, text: bytes.toString("utf8"), rowCount: await rowCount };
}

function records(text: string, delimiter = ","): string[][] {
  return parse(text.replace(/^\uFEFF/, ""), { delimiter, relax_column_count: false, record_delimiter: "\r\n" }) as string[][];
}

describe("CSV export", () => {
  it.each(["", "admin1=Kayes", "actor=GSIM&sort=-fatalities", "sort=country", "status=verified&status=unverified&sort=eventDate", "q=attaques"])(
    "has the same rows in the same order as the table for ?%s",
    async (filterQuery) => {
      const table = await getIncidentPage(parseIncidentFilter(new URLSearchParams(`${filterQuery}&pageSize=500`.replace(/^&/, ""))));
      const { text } = await exportText(`${filterQuery}&columns=id`.replace(/^&/, ""));
      const [header, ...rows] = records(text);
      expect(header).toEqual(["id"]);
      expect(rows.map(([id]) => Number(id))).toEqual(table.rows.map((row) => row.id));
    },
  );

  it("exports every row with the default columns, ISO dates and CRLF records", async () => {
    const { text, rowCount } = await exportText("");
    expect(text.split("\r\n").at(-1)).toBe("");
    const [header, ...rows] = records(text);
    expect(header).toEqual(["id", "event_date", "country", "admin1", "location", "event_type", "sub_event_type", "actors", "fatalities", "status", "summary"]);
    expect(rows).toHaveLength(6);
    expect(rowCount).toBe(6);
    const diboli = rows.find((row) => Number(row[0]) === ids.diboli)!;
    expect(diboli[1]).toBe("2024-06-01");
    expect(diboli[8]).toBe(""); // unknown fatalities stay empty, not 0
  });

  it("keeps accents, quotes and line breaks intact (UTF-8, RFC 4180 quoting)", async () => {
    const { text } = await exportText("location=Diboli&location=Kidira&columns=id,location,summary");
    const rows = records(text).slice(1);
    const byId = new Map(rows.map((row) => [Number(row[0]), row]));
    expect(byId.get(ids.diboli)![2]).toBe("Enlèvement à Diboli : des éleveurs ciblés, bilan inconnu. Ça continue, « naïf » disent-ils.");
    expect(byId.get(ids.kidira)![2]).toBe(`'+33 manifestants ont dit "assez", à Kidira,\nsur deux lignes`);
    expect(text).toContain('"\'+33 manifestants ont dit ""assez"", à Kidira,\nsur deux lignes"');
  });

  it("neutralizes cells that would run as formulas, but not negative numbers", async () => {
    const { text } = await exportText("columns=id,summary,longitude&country=Burkina Faso&country=Niger&country=Senegal");
    const rows = records(text).slice(1);
    const summaries = rows.map((row) => row[1]);
    expect(summaries).toContain(`'=HYPERLINK("http://evil.example","click") clash reported`);
    expect(summaries).toContain("'@everyone Heavy fighting in Tillabéri region.");
    expect(summaries.every((summary) => !/^[=+\-@\t\r]/.test(summary!))).toBe(true);
    expect(rows.find((row) => Number(row[0]) === ids.kidira)![2]).toBe("-12.22");
  });

  it("adds a byte-order mark and uses semicolons on request", async () => {
    const { bytes, text } = await exportText("bom=1&delimiter=;&columns=id,location,summary&location=Diboli");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).startsWith("id;location;summary\r\n")).toBe(true);
    const [, row] = records(text, ";");
    expect(row).toEqual([String(ids.diboli), "Diboli", "Enlèvement à Diboli : des éleveurs ciblés, bilan inconnu. Ça continue, « naïf » disent-ils."]);
    const plain = await exportText("columns=id&location=Diboli");
    expect(plain.bytes[0]).toBe("i".charCodeAt(0));
  });

  it("exports ACLED's column layout with actors by role", async () => {
    const { text } = await exportText("profile=acled&location=Sandaré");
    const [header, row] = records(text);
    expect(header!.slice(0, 10)).toEqual(["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1"]);
    expect(header).toHaveLength(31);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell("event_id_cnty")).toBe(`MLI${ids.sandare}`);
    expect(cell("actor1")).toBe("JNIM");
    expect(cell("inter1")).toBe("2");
    expect(cell("actor2")).toBe("Military Forces of Mali");
    expect(cell("inter2")).toBe("1");
    expect(cell("interaction")).toBe("12");
    expect(cell("iso")).toBe("466");
    expect(cell("admin1")).toBe("Kayes");
    expect(cell("location")).toBe("Sandaré");
    expect(cell("fatalities")).toBe("12");
    expect(cell("disorder_type")).toBe("Political violence");
  });

  it("keeps English codes by default and gives French headers and labels with lang=fr, on the same rows", async () => {
    const english = records((await exportText("location=Sandaré&columns=id,eventType,subEventType,status")).text);
    expect(english[0]).toEqual(["id", "event_type", "sub_event_type", "status"]);
    const [header, row] = records((await exportText("location=Sandaré&columns=id,eventType,subEventType,status&lang=fr")).text);
    expect(header).toEqual(["ID", "Type d’événement", "Sous-type d’événement", "Statut"]);
    expect(row![0]).toBe(english[1]![0]);
    const french = JSON.parse(JSON.stringify((await import("@/lib/i18n/messages/fr.json")).default)) as Record<string, Record<string, string>>;
    expect(row![1]).toBe(french.eventType![english[1]![1]!]);
    expect(row![2]).toBe(french.subEventType![english[1]![2]!]);
    expect(row![3]).toBe(french.status![english[1]![3]!]);
    expect(row![1]).not.toBe(english[1]![1]);

    const [acledHeader, acledRow] = records((await exportText("profile=acled&location=Sandaré&lang=fr")).text);
    expect(acledHeader).toHaveLength(31);
    expect(acledRow![acledHeader!.indexOf("type_de_desordre")]).toBe("Violence politique");
    expect(acledRow![acledHeader!.indexOf("acteur1")]).toBe("JNIM");
    expect(() => parseExportParams(new URLSearchParams("lang=de"))).toThrow(/lang: must be one of en, fr/);
  });

  it("records each export in the audit trail with its filter and row count", async () => {
    await exportText("admin1=Kayes&columns=id");
    const [event] = await query<{ action: string; details: Record<string, unknown>; ip: string }>(
      `SELECT action, details, ip FROM audit_event WHERE action = 'incident.export' ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ action: "incident.export", ip: "127.0.0.1" });
    expect(event!.details).toMatchObject({ filter: { admin1: ["Kayes"] }, rows: 2, completed: true, columns: ["id"] });
  });

  it("refuses bad options with a message naming the parameter", () => {
    expect(() => parseExportParams(new URLSearchParams("columns=id,nope"))).toThrow(/columns: unknown column\(s\) nope/);
    expect(() => parseExportParams(new URLSearchParams("delimiter=|"))).toThrow(/delimiter/);
    expect(() => parseExportParams(new URLSearchParams("profile=excel"))).toThrow(/profile/);
    expect(() => parseExportParams(new URLSearchParams("minFatalities=-1"))).toThrow(/minFatalities/);
  });

  it("inlines hostile filter values safely into COPY", async () => {
    const { text } = await exportText(`columns=id&actor=${encodeURIComponent("x'); DROP TABLE incident; --")}&q=${encodeURIComponent("a\\' OR 1=1 --")}`);
    expect(records(text)).toEqual([["id"]]);
    expect((await query("SELECT count(*)::int AS n FROM incident"))[0]).toEqual({ n: 7 });
  });

  it("releases the connection when the client aborts the download", async () => {
    const { body } = await openIncidentExport(parseExportParams(new URLSearchParams("")), { user: null });
    await body.cancel();
    // The pool has few connections: if aborted exports leaked them, these would hang.
    for (let attempt = 0; attempt < 6; attempt++) {
      const again = await openIncidentExport(parseExportParams(new URLSearchParams("columns=id")), { user: null });
      await again.body.cancel();
    }
    const { text } = await exportText("columns=id&location=Boni");
    expect(records(text)).toEqual([["id"], [String(ids.boni)]]);
    const [aborted] = await query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_event WHERE action = 'incident.export' AND details->>'completed' = 'false' ORDER BY id DESC LIMIT 1`,
    );
    expect(aborted).toBeDefined();
  });
});
