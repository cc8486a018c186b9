/** GET /api/incidents/stats: the same aggregates as the page, behind the guard, with strict parameters. */
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/incidents/stats/route";
import { parseIncidentFilter } from "@/lib/incidents/filters";
import { getOverviewStats, type OverviewStats } from "@/lib/incidents/stats";
import { signedInUser, withCookie, withToken, type Caller } from "../session";
import { seedOverviewFixtures } from "./fixtures";

let viewer: Caller;

beforeAll(async () => {
  await seedOverviewFixtures();
  viewer = await signedInUser("viewer");
});

const call = (query: string, init: RequestInit = {}) => GET(new Request(`http://localhost/api/incidents/stats?${query}`, init));

describe("GET /api/incidents/stats", () => {
  it("answers a viewer's token with every aggregate, equal to the data layer's for the same filter", async () => {
    const response = await call("country=Mali&from=2024-01-01&bucket=week", withToken(viewer.token));
    expect(response.status).toBe(200);
    const body = (await response.json()) as OverviewStats;
    const expected = await getOverviewStats(parseIncidentFilter(new URLSearchParams("country=Mali&from=2024-01-01")), "week");
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.bucket).toBe("week");
    expect(Object.keys(body).sort()).toEqual(["actorRegion", "bucket", "byActor", "byRegion", "byType", "keyFigures", "map", "timeSeries"]);
  });

  it("defaults to months and accepts a session cookie", async () => {
    const response = await call("admin1=Kayes", withCookie(viewer.cookie));
    expect(response.status).toBe(200);
    const body = (await response.json()) as OverviewStats;
    expect(body.bucket).toBe("month");
    expect(body.timeSeries.points.every((point) => point.period.endsWith("-01"))).toBe(true);
  });

  it.each([
    ["bucket=year", "bucket"],
    ["bucket=week&bucket=month", "bucket"],
    ["colour=red", "colour"],
    ["from=2024-02-30", "from"],
    ["eventType=Picnic", "eventType"],
  ])("answers 400 naming the bad parameter for ?%s", async (query, parameter) => {
    const response = await call(query, withToken(viewer.token));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe("bad_request");
    expect(body.message).toContain(parameter);
  });

  it("answers 401 without a session or token", async () => {
    const response = await call("");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
  });
});
