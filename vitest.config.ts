import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": fileURLToPath(new URL(".", import.meta.url)),
  // Next resolves "server-only" to an empty module on the server and fails a client bundle that reaches
  // it; tests run the data layer directly, as the server does.
  "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
};

/**
 * Three projects: unit (pure code), integration (a fresh real PostgreSQL database per run) and e2e (a
 * production build served on a free port, driven by Debian's Chromium). Integration files run one at a
 * time because they share that database.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database.ts"],
          setupFiles: ["tests/setup/env.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // The feed server's port first: the app server inherits FEED_ALLOWED_HOSTS from it.
          globalSetup: ["tests/e2e/feed-server-env.ts", "tests/setup/app-server.ts"],
          setupFiles: ["tests/setup/env.ts"],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
