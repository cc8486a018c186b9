/**
 * `npm start`: one command from a fresh clone to a running dashboard. Provides the database (embedded
 * unless DATABASE_URL is set), applies migrations, creates the first admin when there is no user, builds
 * the app when the sources are newer than the last build, then serves it and stops everything on exit.
 *
 *   npm start            production server (builds first when needed)
 *   npm start -- --dev   Next's dev server with hot reload
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { provideDatabase, stopOnExit } from "../lib/db/database";
import { migrate, MigrationError } from "../lib/db/migrate";
import { loadReferenceData } from "../lib/reference/load";
import { ensureAuthSecret } from "../lib/runtime-secrets";
import { readEnv } from "../lib/env";
import { ensureFirstAdmin } from "./first-admin";

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

const SOURCES = ["app", "components", "lib", "prisma", "proxy.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

function needsBuild(): boolean {
  const buildId = join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

const db = await provideDatabase((line) => console.log(line));
let server: ReturnType<typeof spawn> | undefined;
stopOnExit(db.stop, async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server?.once("exit", resolve));
  }
});

try {
  const result = await migrate(db.url, { log: (line) => console.log(line) });
  if (!result.applied.length) console.log("database schema is up to date");
  await loadReferenceData();
} catch (error) {
  console.error(error instanceof MigrationError ? `Refusing to start: ${error.message}` : error);
  await db.stop();
  process.exit(1);
}

ensureAuthSecret();
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
readEnv();
await ensureFirstAdmin((line) => console.log(line));

if (!dev && needsBuild()) {
  console.log("building the dashboard (next build)...");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) {
    await db.stop();
    process.exit(build.status ?? 1);
  }
}

server = spawn("npx", ["next", dev ? "dev" : "start", "-p", port], { stdio: "inherit", env: process.env });
console.log(`Vigie on http://localhost:${port}`);
server.on("exit", async (code) => {
  await db.stop();
  process.exit(code ?? 0);
});
