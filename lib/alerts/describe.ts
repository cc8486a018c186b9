/**
 * The words of an alert: why it fired, in one line an analyst can read in a notification
 * ("3 new incidents in Kayes (JNIM), 12 killed"). Pure, so each wording is tested without a database.
 */

export type MatchedIncident = {
  id: number;
  country: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  actorNames: string;
  fatalities: number | null;
};

/** Most frequent first, ties in first-seen order. */
function ranked(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}

function list(values: string[], max: number): string {
  if (values.length <= max) return values.join(", ");
  return `${values.slice(0, max).join(", ")} and ${values.length - max} more`;
}

export function describeIncidents(incidents: MatchedIncident[], options: { minFatalities?: number | null } = {}): string {
  const count = incidents.length;
  const places = ranked(incidents.map((incident) => incident.admin1 ?? incident.country));
  const actors = ranked(incidents.flatMap((incident) => incident.actorNames.split("; ").filter(Boolean)));
  const killed = incidents.reduce((sum, incident) => sum + (incident.fatalities ?? 0), 0);
  const what = `${count} new incident${count === 1 ? "" : "s"}${options.minFatalities ? ` with ${options.minFatalities} or more killed` : ""}`;
  const where = places.length ? ` in ${list(places, 2)}` : "";
  const who = actors.length ? ` (${list(actors, 2)})` : "";
  const toll = killed > 0 ? `, ${killed} killed` : "";
  return `${what}${where}${who}${toll}`;
}

const oneDecimal = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export type SurgeSignal =
  | { rule: "week"; level: "admin1" | "admin2" | "actor"; area: string; count: number; average: number; period: string }
  | { rule: "month"; level: "admin1" | "admin2" | "actor"; area: string; fatalities: number; previousHigh: number; period: string };

export function describeSurge(signal: SurgeSignal): string {
  if (signal.rule === "week") {
    return `${signal.area}: ${signal.count} incidents this week against a 4-week average of ${oneDecimal(signal.average)}`;
  }
  return `${signal.area}: ${signal.fatalities} killed this month, the most in 12 months (previous high ${signal.previousHigh})`;
}

/** The surge rules in words, shown beside the surge option and in the README. */
export function surgeRuleText(settings: { weekRatio: number; weekMinAverage: number; monthMinFatalities: number }): string {
  return (
    `A surge is a week (the last 7 days) with at least ${oneDecimal(settings.weekRatio)}× the average weekly incidents of the 4 weeks before, ` +
    `in an area (region, cercle/province or actor) averaging at least ${oneDecimal(settings.weekMinAverage)} incident a week; ` +
    `or a month whose fatalities are the highest of the last 12 months and at least ${settings.monthMinFatalities}.`
  );
}
