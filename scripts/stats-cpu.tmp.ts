import { readFileSync } from "node:fs";
const FILTERS = ["", "admin1=Kayes", "country=Mali&eventType=Battles", "actor=GSIM&from=2023-01-01", "admin1=Mopti&admin1=S%C3%A9gou&actor=JNIM", "eventType=Violence%20against%20civilians&minFatalities=5", "country=Burkina%20Faso&sort=-fatalities", "q=embuscade", "status=unverified&geoPrecision=1", "country=Niger&from=2024-01-01&to=2024-12-31"];
function tree(pid: number): number { try { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); const own = (+f[11]! + +f[12]! + +f[13]! + +f[14]!) / 100; const ch = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number); return own + ch.reduce((s, c) => s + tree(c), 0); } catch { return 0; } }
const { statsPool } = await import("../lib/db/stats-pool");
const { parseIncidentFilter } = await import("../lib/incidents/filters");
const { getOverviewStats } = await import("../lib/incidents/stats");
const backend = (await statsPool().query("select pg_backend_pid() as p")).rows[0].p;
const pm = Number(readFileSync(`/proc/${backend}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
let totalWall = 0, totalCpu = 0;
for (const q of FILTERS) {
  const f = parseIncidentFilter(new URLSearchParams(q));
  for (let i = 0; i < 3; i++) await getOverviewStats(f, "month");
  const c0 = tree(pm), t0 = performance.now(); const N = 10;
  for (let i = 0; i < N; i++) await getOverviewStats(f, "month");
  const wall = (performance.now() - t0) / N, cpu = (tree(pm) - c0) * 1000 / N; totalWall += wall; totalCpu += cpu;
  console.log(q.padEnd(60), "wall", wall.toFixed(1), "pg cpu", cpu.toFixed(1));
}
console.log("avg wall", (totalWall / FILTERS.length).toFixed(1), "avg pg cpu", (totalCpu / FILTERS.length).toFixed(1));
await statsPool().end();
