/**
 * For browser tests: a fresh database, a production build (remade only when a source changed) and
 * the production server (scripts/cli/serve.ts) on a free port, stopped after the run.
 */
import { spawn } from "node:child_process";
import type { TestProject } from "vitest/node";
import { freePort } from "../../lib/db/embedded";
import { buildIfNeeded, needsBuild } from "../../scripts/lib/build";
import { chromiumForTests } from "./chromium";
import { productionServer } from "../../scripts/lib/server-command";
import { createTestDatabase } from "./test-database";
import { provideAppRole } from "../../lib/db/app-role";

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not become healthy at ${baseUrl} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  // First, so a missing browser is said before minutes of building.
  project.provide("chromiumPath", chromiumForTests());
  const db = await createTestDatabase("vigie_e2e");
  // As `npm start` does: the server connects as the database's restricted app role; tests write as the owner.
  const app = await provideAppRole(db.url);
  if (!app.role) throw new Error(`the browser tests' server would run as the database owner: ${app.reason}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: app.url,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
    // Two workers even on a small machine, so the browser tests go through the cluster's primary too.
    WEB_CONCURRENCY: "2",
    // Browser tests write incidents straight into the database and then read the overview: its short-lived
    // cache (tested in tests/integration/overview/stats-cache.test.ts) would show figures from before.
    OVERVIEW_CACHE_SECONDS: "0",
  };
  // VIGIE_E2E_SKIP_BUILD reuses the last build as it is, to re-run browser tests quickly while only tests
  // change; a build older than the app's sources would test other code than the one checked out.
  if (process.env.VIGIE_E2E_SKIP_BUILD) {
    if (needsBuild()) {
      await db.drop();
      throw new Error("VIGIE_E2E_SKIP_BUILD is set but the last build is older than the sources (or missing): unset it to rebuild");
    }
  } else if (!buildIfNeeded(env)) {
    await db.drop();
    throw new Error("next build failed (its output is above)");
  }
  // The server users run (npm start), so the browser tests exercise its worker processes too.
  const server = spawn(...productionServer(port, "127.0.0.1"), {
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForHealth(baseUrl, 60_000);
  project.provide("databaseUrl", db.url);
  project.provide("adminDatabaseUrl", db.adminUrl);
  project.provide("baseUrl", baseUrl);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await db.drop();
  };
}
