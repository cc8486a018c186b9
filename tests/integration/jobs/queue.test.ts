/**
 * The process's job queue (pg-boss on the test database): queue options written at each open, jobs queued
 * in a transaction only when it commits, openers that close without stopping the others.
 */
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openJobQueue, QUEUES, type JobQueue } from "@/lib/jobs/queue";
import { databaseUrl, query } from "../db";

const opened: JobQueue[] = [];
const open = async () => {
  const jobs = await openJobQueue(() => {});
  opened.push(jobs);
  return jobs;
};

afterEach(async () => {
  for (const jobs of opened.splice(0)) await jobs.close();
  delete process.env.WEBHOOK_RETRY_DELAY_SECONDS;
});

const retryDelay = async () =>
  (await query<{ retry_delay: number }>(`SELECT retry_delay FROM pgboss.queue WHERE name = $1`, [QUEUES.alertWebhook]))[0]!.retry_delay;

const jobConnections = async () =>
  (await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'vigie-jobs'`))[0]!.n;

async function waitFor(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 15_000; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the job queue", () => {
  it("writes each queue's options at every open, also while another opener keeps pg-boss running", async () => {
    process.env.WEBHOOK_RETRY_DELAY_SECONDS = "7";
    await open();
    expect(await retryDelay()).toBe(7);
    process.env.WEBHOOK_RETRY_DELAY_SECONDS = "3";
    await open();
    expect(await retryDelay()).toBe(3);
    expect((await query<{ name: string }>(`SELECT name FROM pgboss.queue ORDER BY name`)).map((row) => row.name)).toEqual(Object.values(QUEUES).sort());
  });

  it("queues a job sent in a transaction only when the transaction commits", async () => {
    const jobs = await open();
    const seen: string[] = [];
    await jobs.work<{ label: string }>(QUEUES.alertWebhook, { pollingIntervalSeconds: 0.5 }, async (job) => {
      seen.push(job.data.label);
    });
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
    try {
      for (const [label, end] of [["rolled back", "ROLLBACK"], ["committed", "COMMIT"]] as const) {
        const client = await pool.connect();
        await client.query("BEGIN");
        await jobs.sendInTransaction(client, QUEUES.alertWebhook, [{ label }]);
        await client.query(end);
        client.release();
      }
    } finally {
      await pool.end();
    }
    await waitFor("the committed job", () => seen.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(seen).toEqual(["committed"]);
  });

  it("closing one opener stops its handlers only; the last close stops pg-boss", async () => {
    const first = await open();
    const second = await open();
    expect(await jobConnections()).toBeGreaterThan(0);
    const byFirst: number[] = [];
    const bySecond: number[] = [];
    await first.work<{ n: number }>(QUEUES.alertEmail, { pollingIntervalSeconds: 0.5 }, async (job) => void byFirst.push(job.data.n));
    await second.work<{ n: number }>(QUEUES.alertEmail, { pollingIntervalSeconds: 0.5 }, async (job) => void bySecond.push(job.data.n));
    await first.close();
    for (let n = 0; n < 3; n++) await second.send(QUEUES.alertEmail, { n });
    await waitFor("three jobs", () => byFirst.length + bySecond.length === 3);
    expect(byFirst).toEqual([]);
    expect(bySecond.sort()).toEqual([0, 1, 2]);
    await second.close();
    opened.length = 0;
    await waitFor("pg-boss's connections to close", async () => (await jobConnections()) === 0);
  });
});
