/**
 * The environment, validated once. Fails fast with a message naming what is missing or wrong, instead of
 * a confusing error deep inside a request.
 */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // How many reverse proxies stand in front (see lib/auth/ip.ts); unset: X-Forwarded-For is ignored.
  TRUST_PROXY: z
    .string()
    .regex(/^\s*(10|[0-9])?\s*$/, "must be the number of reverse proxies in front of Vigie (0 to 10)")
    .optional(),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && (!env.NEXTAUTH_SECRET || env.NEXTAUTH_SECRET.length < 32)) {
    throw new Error(
      "NEXTAUTH_SECRET must be set to a random string of at least 32 characters in production " +
        "(e.g. `openssl rand -base64 32`); `npm start` generates one under .data/ when it is unset.",
    );
  }
  return env;
}
