/**
 * `npm run bench:load`: 50 signed-in analysts for 60 s against a production build with 100,000
 * synthetic incidents, on loopback only: table pages and the JSON API with filters, the overview and its
 * stats, incident details, article ingests, and 2 concurrent full CSV exports. Load from autocannon: one
 * connection per analyst, each sending one request per second on average (`--rate`, busier than a person
 * clicking); `--rate 0` removes the pacing to find the saturation point. The server's memory is sampled
 * from /proc. Prints progress, then one JSON line.
 *
 *   npm run bench:load -- [--count 100000] [--users 50] [--duration 60] [--exports 2] [--rate 1]
 *
 * `--profile` instead sends each kind of request alone, one at a time, and prints its mean time and size:
 * where the server's time goes when nothing else competes.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { provideDatabase } from "../../lib/db/database";
import { freePort } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createScratchDatabase } from "../../lib/db/scratch";
import { buildIfNeeded } from "../lib/build";
import { buildArticles } from "../lib/bench-corpus";
import { productionServer } from "../lib/server-command";
import { seedSynthetic } from "../data/seed-synthetic";
import { reportFailures } from "../lib/cli";

reportFailures("npm run bench:load");

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    users: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    exports: { type: "string", default: "2" },
    rate: { type: "string", default: "1" },
    profile: { type: "boolean", default: false },
  },
});
const COUNT = Number(values.count);
const USERS = Number(values.users);
const DURATION = Number(values.duration);
const EXPORTS = Number(values.exports);
const RATE_PER_USER = Number(values.rate);
const PASSWORD = "load-test password 1";
const log = (line: string) => console.error(`[bench:load] ${line}`);

/** A process and all its descendants (Linux /proc); gone processes are left out. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [];
  }
}

/** Fields of /proc/<pid>/stat after the command name (field 3 onwards), or null when the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return null;
  }
}

/** Resident memory of the server: its process and every worker process under it. */
function rssMb(pid: number): number {
  const kb = processTree(pid).reduce((sum, member) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
  return Math.round(kb / 1024);
}

/**
 * CPU seconds used by a process and its descendants: their own time and that of their children that have
 * exited and been waited for (PostgreSQL's parallel workers come and go); 100 clock ticks per second.
 */
function treeCpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, member) => {
    const fields = statFields(member);
    return fields ? sum + (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100 : sum;
  }, 0);
}

/** The PostgreSQL server's main process: the parent of one of its backends. */
function parentPid(pid: number): number {
  return Number(statFields(pid)![1]);
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).find((pair) => pair!.includes("session-token="));
  if (!session) throw new Error(`could not sign in ${email} (${response.status})`);
  return session;
}

const FILTERS = [
  "",
  "admin1=Kayes",
  "country=Mali&eventType=Battles",
  "actor=GSIM&from=2023-01-01",
  "admin1=Mopti&admin1=S%C3%A9gou&actor=JNIM",
  "eventType=Violence%20against%20civilians&minFatalities=5",
  "country=Burkina%20Faso&sort=-fatalities",
  "q=embuscade",
  "status=unverified&geoPrecision=1",
  "country=Niger&from=2024-01-01&to=2024-12-31",
];

const server = await provideDatabase(log);
const scratch = await createScratchDatabase(server.url, "vigie_load");
const databaseUrl = scratch.url;
process.env.DATABASE_URL = databaseUrl;
let app: ReturnType<typeof spawn> | undefined;

try {
  await migrate(databaseUrl);
  const { loadReferenceData } = await import("../../lib/reference/load");
  const { createUser } = await import("../../lib/auth/users");
  const { prisma } = await import("../../lib/db/client");
  await loadReferenceData();
  log(`seeding ${COUNT} incidents`);
  await seedSynthetic(databaseUrl, { count: COUNT, seed: 7 });
  const emails: string[] = [];
  for (let index = 0; index < USERS; index++) {
    const email = `analyst-${index}@load.test`;
    await createUser({ email, password: PASSWORD, role: "analyst", name: `Analyst ${index}` });
    emails.push(email);
  }
  const maxId = Number((await prisma.$queryRaw<{ max: number }[]>`SELECT max(id) AS max FROM incident`)[0]!.max);
  const backendPid = Number((await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid);
  const postgresPid = parentPid(backendPid);
  await prisma.$disconnect();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!buildIfNeeded(env)) throw new Error("next build failed");
  // Started with node directly so the pid sampled for memory is the server's own.
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  // BENCH_NODE_OPTIONS: more flags for the server's node (e.g. --trace-gc), which NODE_OPTIONS does not allow.
  const profiling = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const extra = process.env.BENCH_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? [];
  app = spawn(...productionServer(port, "127.0.0.1", [...profiling, ...extra]), { env, stdio: ["ignore", 2, "inherit"] });
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false))) {
    if (Date.now() > deadline) throw new Error("the server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const cookies: string[] = [];
  for (const email of emails) cookies.push(await signIn(baseUrl, email));
  log(`${cookies.length} analysts signed in; warming up`);

  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const randomId = () => 1 + Math.floor(Math.random() * maxId);
  const articles = buildArticles(2000);
  let articleIndex = 0;
  type LoadRequest = { method: "GET" | "POST"; path: string; body?: string };
  // The mix: each kind with its share of the requests.
  const KINDS: { kind: string; share: number; make: () => LoadRequest }[] = [
    { kind: "api-table", share: 0.3, make: () => ({ method: "GET", path: `/api/incidents?${pick(FILTERS)}` }) },
    { kind: "page-table", share: 0.15, make: () => ({ method: "GET", path: `/incidents?${pick(FILTERS)}` }) },
    { kind: "api-stats", share: 0.1, make: () => ({ method: "GET", path: `/api/incidents/stats?${pick(FILTERS)}` }) },
    { kind: "page-overview", share: 0.07, make: () => ({ method: "GET", path: `/overview?${pick(FILTERS)}` }) },
    { kind: "api-detail", share: 0.13, make: () => ({ method: "GET", path: `/api/incidents/${randomId()}` }) },
    { kind: "page-detail", share: 0.1, make: () => ({ method: "GET", path: `/incidents/${randomId()}` }) },
    { kind: "page-sources", share: 0.05, make: () => ({ method: "GET", path: `/sources` }) },
    {
      kind: "api-ingest",
      share: 0.1,
      make: () => {
        const article = articles[articleIndex++ % articles.length]!;
        return { method: "POST", path: "/api/sources", body: JSON.stringify({ text: `${article.text}\n\n${randomBytes(6).toString("hex")}`, publishedAt: article.publishedAt }) };
      },
    },
  ];
  const requestFor = (): LoadRequest & { kind: string } => {
    let roll = Math.random();
    const item = KINDS.find(({ share }) => (roll -= share) < 0) ?? KINDS.at(-1)!;
    return { ...item.make(), kind: item.kind };
  };

  // Warm-up: compile every route once so the first measured requests are not cold starts.
  for (const path of ["/incidents", "/overview", "/sources", "/api/incidents", "/api/incidents/stats", `/incidents/${randomId()}`]) {
    await fetch(`${baseUrl}${path}`, { headers: { cookie: cookies[0]! } });
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  if (values.profile) {
    const profile: Record<string, { meanMs: number; p50Ms: number; maxMs: number; kb: number; serverCpuMs: number; databaseCpuMs: number }> = {};
    const REPEAT = 30;
    for (const { kind, make } of KINDS) {
      const times: number[] = [];
      let bytes = 0;
      const cpuBefore = { server: treeCpuSeconds(app.pid!), database: treeCpuSeconds(postgresPid) };
      for (let index = 0; index < REPEAT; index++) {
        const next = make();
        const started = performance.now();
        const response = await fetch(`${baseUrl}${next.path}`, {
          method: next.method,
          body: next.body,
          headers: { cookie: cookies[0]!, ...(next.body ? { "content-type": "application/json", origin: baseUrl } : {}) },
        });
        bytes += (await response.arrayBuffer()).byteLength;
        times.push(performance.now() - started);
        if (response.status >= 400) throw new Error(`${kind} ${next.path}: ${response.status}`);
      }
      times.sort((a, b) => a - b);
      profile[kind] = {
        meanMs: Math.round(times.reduce((sum, time) => sum + time, 0) / times.length),
        p50Ms: Math.round(percentile(times, 50)),
        maxMs: Math.round(times.at(-1)!),
        kb: Math.round(bytes / times.length / 1024),
        // CPU per request, from /proc: the web server's processes and all of PostgreSQL's.
        serverCpuMs: Math.round(((treeCpuSeconds(app.pid!) - cpuBefore.server) * 1000) / REPEAT),
        databaseCpuMs: Math.round(((treeCpuSeconds(postgresPid) - cpuBefore.database) * 1000) / REPEAT),
      };
      log(`${kind}: ${JSON.stringify(profile[kind])}`);
    }
    console.log(JSON.stringify({ incidents: COUNT, profile }));
  } else {
    const baselineMb = rssMb(app.pid!);
    let peakMb = baselineMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(app!.pid!))), 250);

    // Full exports, started together a few seconds into the run, while the analysts keep working.
    const exportStats = { completed: 0, rows: 0, bytes: 0, errors: 0, seconds: 0 };
    const exporters = Array.from({ length: EXPORTS }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/incidents/export`, { headers: { cookie: cookies[index % cookies.length]! } });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        let lineBreaks = 0;
        const reader = response.body.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          const chunk = Buffer.from(read.value.buffer, read.value.byteOffset, read.value.byteLength);
          exportStats.bytes += chunk.byteLength;
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lineBreaks++;
        }
        exportStats.rows += lineBreaks - 1; // the header; synthetic summaries hold no line breaks
        exportStats.completed++;
        exportStats.seconds += (performance.now() - started) / 1000;
      } catch {
        exportStats.errors++;
      }
    });

    log(`running ${USERS} connections for ${DURATION} s with ${EXPORTS} concurrent full exports`);
    const latencies: number[] = [];
    // Latency per kind of request: autocannon calls onResponse (with the connection's context, which
    // setupRequest tagged) right before it emits "response" for the same request.
    const latenciesByKind = new Map<string, number[]>(KINDS.map(({ kind }) => [kind, []]));
    let respondedKind = "";
    const statuses = new Map<number, number>();
    let finish: (result: autocannon.Result) => void = () => {};
    let fail: (error: unknown) => void = () => {};
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const instance = autocannon({
      url: baseUrl,
      connections: USERS,
      ...(RATE_PER_USER > 0 ? { overallRate: Math.max(1, Math.round(USERS * RATE_PER_USER)) } : {}),
      duration: DURATION,
      timeout: 30,
      requests: [
        {
          setupRequest: (request, context) => {
            const next = requestFor();
            (context as { kind?: string }).kind = next.kind;
            return {
              ...request,
              method: next.method,
              path: next.path,
              body: next.body,
              headers: { cookie: pick(cookies), ...(next.body ? { "content-type": "application/json", origin: baseUrl } : {}) },
            };
          },
          onResponse: (_status, _body, context) => {
            respondedKind = String((context as { kind?: string }).kind);
          },
        },
      ],
    }, (error, result) => (error ? fail(error) : finish(result)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      latenciesByKind.get(respondedKind)?.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    const result = await done;
    await Promise.all(exporters);
    clearInterval(sampler);

    // Memory after the load: V8 shrinks its heap only after some idle time, so wait (up to a minute) for
    // the server's memory to come back near its baseline, and report where it settled.
    let afterMb = rssMb(app.pid!);
    for (let waited = 0; waited < 60_000 && afterMb > baselineMb * 1.25 + 50; waited += 2000) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      afterMb = rssMb(app.pid!);
    }
    latencies.sort((a, b) => a - b);
    const errors = result.errors + result.timeouts + [...statuses.entries()].filter(([code]) => code >= 400).reduce((sum, [, n]) => sum + n, 0);
    const figures = {
      incidents: COUNT,
      users: USERS,
      requestsPerSecondPerUser: RATE_PER_USER || "unpaced",
      durationSeconds: DURATION,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
      latencyMsByKind: Object.fromEntries(
        [...latenciesByKind].map(([kind, times]) => {
          times.sort((a, b) => a - b);
          return [kind, { requests: times.length, p50: Math.round(percentile(times, 50)), p99: Math.round(percentile(times, 99)) }];
        }),
      ),
      errors,
      statuses: Object.fromEntries(statuses),
      exports: {
        concurrent: EXPORTS,
        secondsEach: exportStats.completed ? Number((exportStats.seconds / exportStats.completed).toFixed(2)) : null,
        completed: exportStats.completed,
        errors: exportStats.errors,
        rowsPerSecond: exportStats.seconds ? Math.round(exportStats.rows / exportStats.seconds) : 0,
      },
      memoryMb: { baseline: baselineMb, peak: peakMb, after: afterMb },
      targets: { errors: 0, p99Ms: 1000 },
      ok: errors === 0 && exportStats.errors === 0 && percentile(latencies, 99) < 1000 && afterMb <= baselineMb * 1.25 + 50,
    };
    console.log(JSON.stringify(figures));
  }
} finally {
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app!.once("exit", resolve));
  }
  await scratch.drop().catch(() => {});
  await server.stop();
}
