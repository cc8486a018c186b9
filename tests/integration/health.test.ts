import { afterEach, describe, expect, it, vi } from "vitest";
import { freePort } from "@/lib/db/embedded";

afterEach(() => {
  (globalThis as { prisma?: unknown }).prisma = undefined;
  vi.resetModules();
});

async function callHealth() {
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  it("answers 200 with status ok when the database answers", async () => {
    expect(await callHealth()).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
  });

  it("answers 503 and reveals nothing else when the database does not", async () => {
    const original = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`;
    try {
      const { status, body } = await callHealth();
      expect(status).toBe(503);
      expect(body).toEqual({ status: "unavailable", database: "unavailable" });
    } finally {
      process.env.DATABASE_URL = original;
    }
  });
});
