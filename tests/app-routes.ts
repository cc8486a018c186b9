/**
 * Every route handler and page under app/, read from the file system, so a new route is covered by the
 * access-control tests the moment it exists. Public routes are an explicit, short allow-list.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ROUTE_ROLES } from "../lib/auth/access";

export const APP_DIR = join(process.cwd(), "app");

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The only routes an anonymous visitor may reach (besides static assets). */
export const PUBLIC_ROUTES = new Set(["/api/auth/[...nextauth]", "/api/health", "/login"]);

/**
 * The only writes a viewer may make (their own API tokens and saved views), read from the one table of
 * minimum roles that the handlers themselves use. Every other mutating endpoint must answer a viewer 403.
 */
export const VIEWER_MUTATIONS = new Set(
  Object.entries(ROUTE_ROLES)
    .filter(([key, role]) => role === "viewer" && MUTATING_METHODS.has(key.split(" ")[0]))
    .map(([key]) => key),
);

/** Pages that show nothing and only redirect, so have no guard of their own ("/" → /overview). */
export const REDIRECT_ONLY_PAGES = new Set(["/"]);

export type AppRoute = { kind: "route" | "page"; path: string; file: string; params: string[] };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : walk(full);
    return [full];
  });
}

function toPath(file: string): { path: string; params: string[] } {
  const segments = relative(APP_DIR, file).split(sep).slice(0, -1);
  // Route groups "(name)" and parallel-route slots "@name" are not part of the URL.
  const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  const params = visible.filter((segment) => segment.startsWith("[")).map((segment) => segment.replace(/^\[+(\.\.\.)?|\]+$/g, ""));
  return { path: `/${visible.join("/")}`, params };
}

export function listAppRoutes(): AppRoute[] {
  return walk(APP_DIR)
    .flatMap((file): AppRoute[] => {
      const name = file.split(sep).at(-1)!;
      if (/^route\.(ts|tsx|js)$/.test(name)) return [{ kind: "route", file, ...toPath(file) }];
      if (/^page\.(tsx|ts|jsx|js)$/.test(name)) return [{ kind: "page", file, ...toPath(file) }];
      return [];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** A URL for a route path, with every dynamic segment filled in ("1" for ids, "x" for catch-alls). */
export function concretePath(path: string): string {
  return path.replace(/\[\[?\.\.\.[^\]]+\]?\]/g, "x").replace(/\[[^\]]+\]/g, "1");
}

export function paramValues(route: AppRoute): Record<string, string | string[]> {
  return Object.fromEntries(
    route.path
      .split("/")
      .filter((segment) => segment.startsWith("["))
      .map((segment) => {
        const catchAll = segment.includes("...");
        const name = segment.replace(/^\[+(\.\.\.)?|\]+$/g, "");
        return [name, catchAll ? ["x"] : "1"];
      }),
  );
}
