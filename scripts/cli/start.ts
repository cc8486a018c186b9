/**
 * `npm start`: one command from a fresh clone to a running dashboard. Provides the database (embedded
 * unless DATABASE_URL is set), applies migrations, creates the first admin when there is no user, builds
 * the app when the sources are newer than the last build, then serves it and stops everything on exit.
 *
 *   npm start            production server (builds first when needed)
 *   npm start -- --dev   Next's dev server with hot reload
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { provideDatabase, stopOnExit, superviseDatabase } from "../../lib/db/database";
import { migrate, MigrationError } from "../../lib/db/migrate";
import { describeAppRole, provideAppRole } from "../../lib/db/app-role";
import { loadReferenceData } from "../../lib/reference/load";
import { ensureAuthSecret } from "../../lib/runtime-secrets";
import { env, requireServerEnv } from "../../lib/env";
import { describeThrown } from "../../lib/errors/describe";
import { ensureFirstAdmin } from "../../lib/auth/first-admin";
import { prisma } from "../../lib/db/client";
import { buildIfNeeded } from "../lib/build";
import { reportFailures } from "../lib/cli";
import { productionServer } from "../lib/server-command";

reportFailures("npm start");

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const dev = process.argv.includes("--dev");
const port = String(env().PORT);

const db = await provideDatabase((line) => console.log(line));
let server: ReturnType<typeof spawn> | undefined;
stopOnExit(db.stop, async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server?.once("exit", resolve));
  }
});
superviseDatabase(
  db,
  (line) => console.error(line),
  (reason) => {
    console.error(`Vigie is stopping: ${reason}`);
    server?.kill("SIGTERM");
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 10_000).unref();
  },
);

try {
  const result = await migrate(db.url, { log: (line) => console.log(line) });
  if (!result.applied.length) console.log("database schema is up to date");
  await loadReferenceData();
  const app = await provideAppRole(db.url);
  console.log(describeAppRole(app));
  process.env.DATABASE_URL = app.url;
} catch (error) {
  console.error(error instanceof MigrationError ? `Refusing to start: ${error.message}` : `Vigie could not prepare the database: ${describeThrown(error)}`);
  await db.stop();
  process.exit(1);
}

ensureAuthSecret();
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
requireServerEnv();
await ensureFirstAdmin((line) => console.log(line));
// This process needs the database no more: its pool, opened as the owner before the app role existed,
// must not stay connected beside the dashboard, which connects as the app role.
await prisma.$disconnect();

if (!dev && !buildIfNeeded()) {
  await db.stop();
  process.exit(1);
}

// Node runs the server directly (not through npx), so stopping this process stops the server itself.
const [command, args] = dev ? [process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", port]] : productionServer(port);
server = spawn(command, args, { stdio: "inherit", env: process.env });
console.log(`Vigie on http://localhost:${port}`);
server.on("exit", async (code) => {
  await db.stop();
  process.exit(Number(process.exitCode ?? 0) || (code ?? 0));
});
