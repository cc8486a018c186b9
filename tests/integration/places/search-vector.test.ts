/**
 * The incident search vector, kept by a trigger, is the same whether it was computed in full or kept the
 * summary's lexemes from the old vector (an update of places or actors only).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { query, resetDatabase } from "../db";

const FULL = `setweight(to_tsvector('french', coalesce(summary, '')), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'A') ||
  setweight(to_tsvector('simple', concat_ws(' ', location, admin2, admin1, admin1_reform, country, actor_names)), 'B')`;

beforeAll(async () => {
  await resetDatabase();
  const summaries = [
    "Des hommes armés ont attaqué Boni, dans la région de Mopti, tuant deux soldats.",
    "JNIM fighters attacked an army post near Mopti; Mopti residents fled to Sévaré.",
    "",
  ];
  for (const [index, summary] of summaries.entries()) {
    await query(
      `INSERT INTO incident (event_date, event_type, sub_event_type, summary, country, admin1, admin2, location, actor_names, updated_at)
       VALUES ('2025-01-0${index + 1}', 'Battles', 'Armed clash', $1, 'Mali', 'Mopti', 'Douentza', 'Boni', 'JNIM; Military Forces of Mali', now())`,
      [summary],
    );
  }
});

async function mismatches(): Promise<number> {
  const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM incident WHERE search_vector IS DISTINCT FROM (${FULL})`);
  return row!.n;
}

describe("incident search vector", () => {
  it("equals the full computation after places, actors, summary or nothing change", async () => {
    expect(await mismatches()).toBe(0);
    await query(`UPDATE incident SET location = 'Mopti', admin2 = NULL, admin1 = 'Sévaré Mopti'`);
    expect(await mismatches()).toBe(0);
    await query(`UPDATE incident SET actor_names = 'Islamic State Sahel', country = 'Burkina Faso'`);
    expect(await mismatches()).toBe(0);
    await query(`UPDATE incident SET location = location, summary = summary || ' Boni encore.'`);
    expect(await mismatches()).toBe(0);
    await query(`UPDATE incident SET location = location, fatalities = 3`);
    expect(await mismatches()).toBe(0);
  });
});
