import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";

describe("the configuration", () => {
  it("refuses a pool size that is not a number, naming the variable and the value", () => {
    expect(() => readEnv({ DATABASE_POOL_SIZE: "abc" })).toThrow('DATABASE_POOL_SIZE must be a whole number from 1 to 1000, not "abc"');
    expect(() => readEnv({ STATS_POOL_SIZE: "0" })).toThrow(/^STATS_POOL_SIZE must be a whole number from 1 to 1000, not "0"$/);
  });

  it("names every bad variable at once", () => {
    expect(() => readEnv({ EXPORT_PER_USER: "2.5", FEED_TICK_SECONDS: "-1", SMTP_URL: "not a url" })).toThrow(
      /EXPORT_PER_USER must be a whole number.*; FEED_TICK_SECONDS must be a number of at least 0.2, not "-1"; SMTP_URL must be an SMTP URL/,
    );
  });

  it("applies the defaults to unset and blank variables", () => {
    const config = readEnv({ DATABASE_POOL_SIZE: "  ", NODE_ENV: undefined });
    expect(config).toMatchObject({
      NODE_ENV: "development",
      DATABASE_POOL_SIZE: 10,
      STATS_POOL_SIZE: 6,
      PORT: 3000,
      TRUST_PROXY: 0,
      OVERVIEW_CACHE_SECONDS: 15,
      EXPORT_POOL_SIZE: 3,
      EXPORT_MAX_SECONDS: 900,
      FEED_WORKER: "1",
      FEED_ALLOWED_HOSTS: [],
      WEBHOOK_RETRIES: 5,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WEB_CONCURRENCY).toBeUndefined();
  });

  it("reads set values as their types", () => {
    const config = readEnv({ DATABASE_POOL_SIZE: "25", OVERVIEW_CACHE_SECONDS: "0", FEED_ALLOWED_HOSTS: "Intranet.example, 10.0.0.5:8080" });
    expect(config.DATABASE_POOL_SIZE).toBe(25);
    expect(config.OVERVIEW_CACHE_SECONDS).toBe(0);
    expect(config.FEED_ALLOWED_HOSTS).toEqual(["intranet.example", "10.0.0.5:8080"]);
  });
});
