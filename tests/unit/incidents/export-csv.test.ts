import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { CrlfRecords, exportCopySql, exportHeader, exportFilename, inlineSql, neutralizeCell, neutralizedSql, parseExportParams } from "@/lib/incidents/export";
import { ACLED_COLUMNS, columnByKeyOrThrow } from "@/lib/incidents/columns";

async function throughCrlf(chunks: string[]): Promise<{ text: string; records: number }> {
  const transform = new CrlfRecords();
  const out: Buffer[] = [];
  transform.on("data", (chunk: Buffer) => out.push(chunk));
  for (const chunk of chunks) transform.write(Buffer.from(chunk));
  transform.end();
  await new Promise((resolve) => transform.on("end", resolve));
  return { text: Buffer.concat(out).toString("utf8"), records: transform.records };
}

describe("formula neutralization", () => {
  it.each(["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"])("prefixes %j with a quote", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
  });
  it.each(["Kayes", "", " =1", "'already", "Ségou"])("leaves %j alone", (value) => {
    expect(neutralizeCell(value)).toBe(value);
  });
  it("neutralizes text columns in SQL but not numbers or dates", () => {
    expect(neutralizedSql(columnByKeyOrThrow("summary"))).toBe("CASE WHEN ascii(i.summary) IN (61, 43, 45, 64, 9, 13) THEN '''' || i.summary ELSE i.summary END");
    expect(neutralizedSql(columnByKeyOrThrow("longitude"))).toBe("i.longitude");
    expect(neutralizedSql(columnByKeyOrThrow("eventDate"))).toBe("i.event_date");
    const actor1 = ACLED_COLUMNS.find((column) => column.key === "actor1")!;
    expect(neutralizedSql(actor1)).toMatch(/^\(SELECT CASE WHEN ascii\(v\)/);
  });
});

describe("CRLF record endings", () => {
  it("turns record-ending LFs into CRLF and keeps line breaks inside quoted fields", async () => {
    const result = await throughCrlf(['1,"a\nb",x\n2,"say ""hi""\n",y\n3,plain,z\n']);
    expect(result.text).toBe('1,"a\nb",x\r\n2,"say ""hi""\n",y\r\n3,plain,z\r\n');
    expect(result.records).toBe(3);
  });
  it("tracks quotes across chunk boundaries", async () => {
    const whole = '1,"multi\nline, with ""quotes"""\n2,"x"\n';
    for (let cut = 1; cut < whole.length; cut++) {
      const result = await throughCrlf([whole.slice(0, cut), whole.slice(cut)]);
      expect(result.text).toBe('1,"multi\nline, with ""quotes"""\r\n2,"x"\r\n');
      expect(result.records).toBe(2);
    }
  });
});

describe("COPY statement", () => {
  it("inlines values as escaped literals", () => {
    const query = Prisma.sql`WHERE a = ${"O'Brien \\ x"} AND b = ANY(${["x", "y'z"]}) AND c >= ${3} AND d = ANY(${[1, 2]}::int[])`;
    expect(inlineSql(query)).toBe(`WHERE a =  E'O''Brien \\\\ x' AND b = ANY(ARRAY['x', 'y''z']) AND c >= 3 AND d = ANY(ARRAY[1, 2]::int[])`);
  });
  it("uses the table's WHERE and ORDER BY and the chosen delimiter", () => {
    const sql = exportCopySql(parseExportParams(new URLSearchParams("admin1=Kayes&sort=-fatalities&columns=id,summary&delimiter=;")));
    expect(sql).toMatch(/^COPY \(SELECT i\.id AS "id",/);
    expect(sql).toContain("(i.admin1 = ANY(ARRAY['Kayes']) OR i.admin1_reform = ANY(ARRAY['Kayes']))");
    expect(sql).toContain("ORDER BY i.fatalities DESC NULLS LAST, i.event_date DESC, i.id DESC");
    expect(sql).toMatch(/TO STDOUT WITH \(FORMAT csv, DELIMITER ';', ENCODING 'UTF8'\)$/);
  });
});

describe("export options", () => {
  it("builds the header with csv-stringify, with optional BOM and delimiter", () => {
    expect(exportHeader(parseExportParams(new URLSearchParams("columns=id,eventDate,summary")))).toBe("id,event_date,summary\r\n");
    expect(exportHeader(parseExportParams(new URLSearchParams("columns=id,summary&bom=1&delimiter=semicolon")))).toBe("\uFEFFid;summary\r\n");
  });
  it("uses ACLED's column names for the acled profile", () => {
    const header = exportHeader(parseExportParams(new URLSearchParams("profile=acled"))).trim().split(",");
    expect(header).toEqual([
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
      "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
      "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]);
  });
  it("keeps the column order the user chose and accepts repeated columns=", () => {
    expect(parseExportParams(new URLSearchParams("columns=summary&columns=id")).columns).toEqual(["summary", "id"]);
  });
  it("names the file with the profile and the date", () => {
    expect(exportFilename({ profile: "vigie" }, new Date("2026-03-04T10:00:00Z"))).toBe("vigie-incidents-2026-03-04.csv");
    expect(exportFilename({ profile: "acled" }, new Date("2026-03-04T10:00:00Z"))).toBe("vigie-incidents-acled-2026-03-04.csv");
  });
  it.each([["bom=maybe", /bom/], ["delimiter=tab", /delimiter/], ["profile=x", /profile/], ["columns=password", /columns/], ["unknown=1", /unknown/]])(
    "refuses %s",
    (query, message) => {
      expect(() => parseExportParams(new URLSearchParams(query))).toThrow(message);
    },
  );
});
