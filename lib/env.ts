/**
 * The configuration: every environment variable Vigie reads, validated in one schema and read through
 * `env()`. A bad value stops the start (instrumentation.ts, `npm start`, the worker) with a message naming
 * the variable and what is wrong, instead of a NaN pool size or a confusing error deep inside a request.
 *
 * `env()` re-reads process.env when a variable changed (the start scripts set DATABASE_URL and
 * NEXTAUTH_SECRET after loading this module; tests change limits between cases), so it is never stale.
 * Each variable is documented once, in the README's configuration table.
 */
import { z } from "zod";

type NumberRule<F extends number | undefined> = { fallback: F; min: number; max?: number; integer?: boolean };

function describeRule({ min, max, integer }: NumberRule<number | undefined>): string {
  const kind = integer ? "a whole number" : "a number";
  return max === undefined ? `${kind} of at least ${min}` : `${kind} from ${min} to ${max}`;
}

/** A number read from text: unset or blank takes the default; anything else must satisfy the rule. */
function number<F extends number | undefined>(rule: NumberRule<F>) {
  return z
    .string()
    .optional()
    .transform((raw, context) => {
      if (raw === undefined || raw.trim() === "") return rule.fallback as number | F;
      const value = Number(raw);
      const valid =
        Number.isFinite(value) && value >= rule.min && (rule.max === undefined || value <= rule.max) && (!rule.integer || Number.isInteger(value));
      if (valid) return value;
      context.addIssue({ code: "custom", message: `must be ${describeRule(rule)}, not "${raw}"` });
      return z.NEVER;
    });
}

/** Optional text: blank is the same as unset. */
const text = () =>
  z
    .string()
    .optional()
    .transform((raw) => raw?.trim() || undefined);

const url = (what: string) =>
  text().refine((value) => value === undefined || URL.canParse(value), { message: `must be ${what}` });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"], { error: "must be development, production or test" }).default("development"),

    // Database
    DATABASE_URL: url("a PostgreSQL URL (postgresql://user:password@host:5432/database)"),
    DATABASE_POOL_SIZE: number({ fallback: 10, min: 1, max: 1000, integer: true }),
    STATS_POOL_SIZE: number({ fallback: 6, min: 1, max: 1000, integer: true }),
    VIGIE_PG_DATA: text(),
    VIGIE_PG_PORT: number({ fallback: undefined, min: 1, max: 65535, integer: true }),
    VIGIE_PG_VERBOSE: text(),

    // Web server and sessions
    PORT: number({ fallback: 3000, min: 1, max: 65535, integer: true }),
    WEB_CONCURRENCY: number({ fallback: undefined, min: 1, max: 256, integer: true }),
    NEXTAUTH_URL: url("the public URL of the dashboard (https://vigie.example.org)"),
    NEXTAUTH_SECRET: text(),
    TRUST_PROXY: number({ fallback: 0, min: 0, max: 10, integer: true }),
    VIGIE_ADMIN_EMAIL: text(),
    VIGIE_DEBUG: text(),

    // Overview and export
    OVERVIEW_CACHE_SECONDS: number({ fallback: 15, min: 0 }),
    EXPORT_POOL_SIZE: number({ fallback: 3, min: 1, max: 100, integer: true }),
    EXPORT_ACQUIRE_TIMEOUT_MS: number({ fallback: 5_000, min: 1 }),
    EXPORT_PER_USER: number({ fallback: 2, min: 1, max: 100, integer: true }),
    EXPORT_MAX_SECONDS: number({ fallback: 900, min: 1 }),

    // Feeds
    FEED_WORKER: z.enum(["0", "1"], { error: "must be 0 (no feed poller beside the web server) or 1" }).default("1"),
    FEED_CONCURRENCY: number({ fallback: 4, min: 1, max: 100, integer: true }),
    FEED_TICK_SECONDS: number({ fallback: 2, min: 0.2 }),
    FEED_QUEUE_POLL_SECONDS: number({ fallback: 5, min: 0.5 }),
    FEED_FETCH_TIMEOUT_SECONDS: number({ fallback: 15, min: 0.1 }),
    FEED_ALLOWED_HOSTS: z
      .string()
      .optional()
      .transform((raw) =>
        (raw ?? "")
          .split(/[\s,]+/)
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean),
      ),

    // Alerts
    ALERTS_TICK_SECONDS: number({ fallback: 5, min: 0.2 }),
    ALERTS_FROM: text(),
    SMTP_URL: url("an SMTP URL (smtp://user:password@host:587)"),
    WEBHOOK_RETRIES: number({ fallback: 5, min: 0, max: 20, integer: true }),
    WEBHOOK_RETRY_DELAY_SECONDS: number({ fallback: 30, min: 1 }),
    SURGE_CHECK_MINUTES: number({ fallback: 60, min: 0 }),
    SURGE_WEEK_RATIO: number({ fallback: 2, min: 1 }),
    SURGE_WEEK_MIN_AVERAGE: number({ fallback: 1, min: 0 }),
    SURGE_MONTH_MIN_FATALITIES: number({ fallback: 10, min: 1 }),
  });

export type Env = z.infer<typeof schema>;

/** The variables the schema reads: what decides whether a cached reading is still current. */
const NAMES = Object.keys(schema.shape) as (keyof Env)[];

/**
 * Validates a set of variables (process.env by default); throws one error naming every bad variable and
 * what is wrong with it ("DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "abc"").
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; "));
  }
  return parsed.data;
}

let cached: { key: string; env: Env } | undefined;

/** The current configuration, validated; re-read only when one of its variables changed. */
export function env(): Env {
  const key = NAMES.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (cached?.key !== key) cached = { key, env: readEnv(process.env) };
  return cached.env;
}

/**
 * What serving needs beyond valid values: in production, a strong session secret. Checked when a server
 * starts rather than in env(), because `npm start` reads the configuration before it generates a secret.
 */
export function requireServerEnv(): Env {
  const config = env();
  if (config.NODE_ENV === "production" && (!config.NEXTAUTH_SECRET || config.NEXTAUTH_SECRET.length < 32)) {
    throw new Error(
      "NEXTAUTH_SECRET must be set to a random string of at least 32 characters in production " +
        "(e.g. `openssl rand -base64 32`); `npm start` generates one under .data/ when it is unset.",
    );
  }
  return config;
}
