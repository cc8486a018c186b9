/** A production build of the app, made only when a source changed since the last one. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = ["app", "components", "lib", "prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function needsBuild(): boolean {
  const buildId = join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/** Returns false when the build failed (its output went to the terminal). */
export function buildIfNeeded(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!needsBuild()) return true;
  console.log("building the dashboard (next build)...");
  return spawnSync("npx", ["next", "build"], { stdio: "inherit", env }).status === 0;
}
