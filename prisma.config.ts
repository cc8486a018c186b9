import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here: migrations are applied by scripts/cli/db-migrate.ts
// (the schema engine cannot be downloaded offline). The URL is read lazily so generate needs none.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/vigie" },
});
