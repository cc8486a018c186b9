/**
 * Global setup of the browser tests, run before the app server starts (tests/setup/app-server.ts): picks
 * the port of the local feed server the Feeds test serves its feed from, and opens exactly that
 * host:port to the app through FEED_ALLOWED_HOSTS (the SSRF rules refuse loopback otherwise). The app
 * server inherits this process's environment.
 */
import type { TestProject } from "vitest/node";
import { freePort } from "../../lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    feedServerPort: number;
  }
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  process.env.FEED_ALLOWED_HOSTS = [process.env.FEED_ALLOWED_HOSTS, `localhost:${port}`].filter(Boolean).join(",");
  project.provide("feedServerPort", port);
}
