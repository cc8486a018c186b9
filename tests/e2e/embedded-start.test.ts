/**
 * The newcomer's path with no DATABASE_URL: `npm start` and the command line tools share one embedded
 * PostgreSQL data directory (whoever comes first starts it, the others attach to it), and `npm start`
 * brings the database back when it dies under the running dashboard.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, runningServer } from "@/lib/db/embedded";

const root = resolve(`.data/e2e-start-${process.pid}`);
const dataDir = join(root, "postgres");
const env: Record<string, string | undefined> = {
  ...process.env,
  VIGIE_PG_DATA: dataDir,
  WEB_CONCURRENCY: "1",
  NEXTAUTH_SECRET: "e2e-start-secret-e2e-start-secret-0123456",
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;
delete env.TEST_DATABASE_URL;
delete env.NEXTAUTH_URL;
delete env.NODE_ENV;

type Run = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

function run(script: string, args: string[], extra: Record<string, string> = {}, input?: string): Run {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...env, ...extra } as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  child.stdin!.end(input ?? "");
  const exit = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  return { child, output: () => output, exit };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 240_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
}

const healthy = (baseUrl: string) => async () => ((await fetch(`${baseUrl}/api/health`)).ok ? true : undefined);

async function asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = runningServer(dataDir);
  if (!server) throw new Error("no server");
  const { password } = JSON.parse(readFileSync(`${dataDir}.credentials.json`, "utf8")) as { password: string };
  const client = new pg.Client({ connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.port}/vigie` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function sourceFirstLines(): Promise<string[]> {
  return asOwner(async (client) => {
    const { rows } = await client.query<{ text: string }>("SELECT text FROM source ORDER BY id");
    return rows.map((row) => row.text.split("\n")[0]!);
  });
}

/** The roles of every other connection to the app's database: once the CLIs have exited, the dashboard's. */
function connectedRoles(): Promise<string[]> {
  return asOwner(async (client) => {
    const { rows } = await client.query<{ usename: string }>(
      "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ORDER BY 1",
    );
    return rows.map((row) => row.usename);
  });
}

let start: Run | undefined;
afterAll(async () => {
  if (start && start.child.exitCode === null) {
    start.child.kill("SIGTERM");
    await start.exit;
  }
  rmSync(root, { recursive: true, force: true });
});

describe("npm start and the command line tools on one embedded database", () => {
  it("start together on one data directory, then the dashboard survives its database being killed", async () => {
    mkdirSync(root, { recursive: true });
    const article = join(root, "diboli.txt");
    writeFileSync(article, "Patrouille à Diboli\n\nLe 3 mars 2025, des hommes armés ont attaqué un poste de douane à Diboli, dans la région de Kayes, au Mali. Deux douaniers ont été tués.\n");
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;

    // Both at once: one of them starts the server, the other attaches to it, neither fails.
    start = run("scripts/cli/start.ts", [], { PORT: String(port) });
    const ingest = run("scripts/cli/ingest.ts", [article]);
    expect(await ingest.exit, ingest.output()).toBe(0);
    expect(ingest.output()).toMatch(/created\s+source #\d+ .*diboli\.txt": [1-9]\d* incident/);
    await waitFor("the dashboard", healthy(baseUrl));

    // While it runs, the other tools work on the same data.
    const user = run("scripts/cli/user.ts", ["create", "--email", "newcomer@example.org", "--role", "analyst", "--password-stdin"], {}, "correct horse battery staple\n");
    expect(await user.exit, user.output()).toBe(0);
    const list = run("scripts/cli/user.ts", ["list"]);
    expect(await list.exit, list.output()).toBe(0);
    expect(list.output()).toContain("newcomer@example.org");
    const extract = run("scripts/cli/extract.ts", [article]);
    expect(await extract.exit, extract.output()).toBe(0);
    expect(JSON.parse(extract.output()).incidents).toContainEqual(expect.objectContaining({ location: "Diboli", country: "Mali" }));
    expect(start.child.exitCode).toBeNull();
    expect(await sourceFirstLines()).toEqual(["Patrouille à Diboli"]);

    // The dashboard and its workers connect as the database's restricted role, never as its owner.
    expect(start.output()).toContain("the app connects as the role vigie_app");
    await fetch(`${baseUrl}/api/health`);
    expect(await waitFor("the dashboard's connections", async () => {
      const roles = await connectedRoles();
      return roles.length ? roles : undefined;
    }, 30_000)).toEqual(["vigie_app"]);

    // The database dies under the running dashboard: npm start restarts it and the dashboard recovers.
    const before = runningServer(dataDir)!;
    process.kill(before.pid, "SIGKILL");
    await waitFor("the database to come back", async () => {
      const now = runningServer(dataDir);
      return now && now.pid !== before.pid && now.ready ? now : undefined;
    });
    await waitFor("the dashboard to recover", healthy(baseUrl));
    expect(start.output()).toMatch(/embedded PostgreSQL stopped unexpectedly/);
    await waitFor("npm start to report the restart", async () => (/embedded PostgreSQL restarted on 127\.0\.0\.1:\d+/.test(start!.output()) ? true : undefined), 30_000);
    expect(await sourceFirstLines()).toEqual(["Patrouille à Diboli"]);
    expect(start.child.exitCode).toBeNull();
  });
});
