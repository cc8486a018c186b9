import { describe, it, expect } from "vitest";
import { findDates } from "../../../lib/ingest/dates";

/** Date phrases of short event notes, one test per rule, on sentences written for these tests. */
const dates = (text: string, language: "fr" | "en", publishedAt = "2024-06-20") =>
  findDates(text, language, publishedAt).map((d) => [text.slice(d.start, d.end), d.date, d.precision]);

describe("date phrases of event notes", () => {
  it("reads an abbreviated month with or without its full stop, before or after the day", () => {
    expect(dates("Herders from Tessit 3 Mar drove their cattle south.", "en")).toEqual([["3 Mar", "2024-03-03", "day"]]);
    expect(dates("A well was dug on Sept. 14 near the school.", "en")).toEqual([["Sept. 14", "2023-09-14", "day"]]);
  });

  it("reads a day glued to its month", () => {
    expect(dates("The well was dug on 3June near the school.", "en")[0]?.[1]).toBe("2024-06-03");
  });

  it("takes the day of 'the evening of', 'the morning of', 'the night of'", () => {
    expect(dates("On the evening of 3 May, the market closed early.", "en")).toEqual([["3 May", "2024-05-03", "day"]]);
    expect(dates("During the night of Saturday to Sunday the wells ran dry.", "en")[0]?.[1]).toBe("2024-06-15");
  });

  it("dates a night told only by the day of a later statement to the day before it", () => {
    const found = dates("The granary burned overnight, the mayor said on Monday.", "en");
    expect(found[0]).toEqual(["overnight", "2024-06-16", "day"]);
  });

  it("leaves a night alone when the statement opens the sentence", () => {
    const found = dates("The mayor said on Monday the herders had left after the rain overnight.", "en");
    expect(found.map((d) => d[0])).toEqual(["on Monday"]);
  });

  it("reads 'le 3 courant' as a day of the month of publication", () => {
    expect(dates("Le puits a été creusé le 3 courant.", "fr")).toEqual([["le 3 courant", "2024-06-03", "day"]]);
    expect(dates("Le puits a été creusé le 25 courant.", "fr")[0]?.[1]).toBe("2024-05-25");
  });

  it("gives a week of a month the precision of a week", () => {
    expect(dates("The wells were dug in the first week of June.", "en")).toEqual([["the first week of June", "2024-06-01", "week"]]);
  });

  it("does not take the day of a scheduled vote for an event", () => {
    expect(dates("Crowds gathered ahead of the Feb. 25 presidential election.", "en", "2024-02-12")).toEqual([]);
    expect(dates("La foule s'est rassemblée avant le scrutin du 25 février.", "fr", "2024-02-12")).toEqual([]);
  });
});

describe("a night written with both its days", () => {
  it("is one mention dated by its first day", () => {
    const text = "Dans la nuit du lundi 26 au mardi 27 août, le marché a brûlé.";
    expect(dates(text, "fr", "2024-08-28")).toEqual([["nuit du lundi 26 au mardi 27 août", "2024-08-26", "day"]]);
    expect(dates("The night of 31 to 1 June was quiet.", "en")[0]?.[1]).toBe("2024-05-31");
  });
});

describe("a night written without its month", () => {
  it("is in the month of publication, or the month before when it is still to come", () => {
    expect(dates("Dans la nuit du 3 au 4, le marché a brûlé.", "fr", "2024-06-20")).toEqual([["nuit du 3 au 4", "2024-06-03", "day"]]);
    expect(dates("Dans la nuit du 24 au 25, le marché a brûlé.", "fr", "2024-06-20")[0]?.[1]).toBe("2024-05-24");
  });
});
