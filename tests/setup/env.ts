// Runs in each test worker before the test file is imported, so the Prisma client sees the run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.NEXTAUTH_URL ??= inject("baseUrl") || "http://localhost:3000";
