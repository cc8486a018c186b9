/**
 * The alerting worker, on the same pg-boss queue as the feed poller (PostgreSQL's `pgboss` schema):
 * - a loop evaluates the incidents written since the last run (lib/alerts/evaluate.ts) every
 *   ALERTS_TICK_SECONDS, sends the digests that are due, and looks for surges every SURGE_CHECK_MINUTES;
 *   any number of workers may run it at once, exactly-once lives in the database;
 * - e-mails and webhook calls are jobs queued in the evaluation's own transaction, so a crash can neither
 *   lose nor duplicate them; a failed webhook is retried WEBHOOK_RETRIES times with exponential backoff
 *   from WEBHOOK_RETRY_DELAY_SECONDS.
 */
import PgBoss from "pg-boss";
import { deliverDigests, deliverEmail, deliverWebhook } from "./deliver";
import { EVALUATION_BATCH, evaluatePending, type DeliveryJob, type Enqueue } from "./evaluate";
import { alertSettings } from "./settings";
import { evaluateSurgeWatches } from "./surge";
import { env } from "@/lib/env";

export const EMAIL_QUEUE = "alert-email";
export const WEBHOOK_QUEUE = "alert-webhook";

export type AlertWorker = { stop: () => Promise<void>; tick: () => Promise<void> };

export async function startAlertWorker(options: { log?: (line: string) => void } = {}): Promise<AlertWorker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const settings = alertSettings();
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");

  const boss = new PgBoss({ connectionString, application_name: "vigie-alerts-queue", max: 3, schedule: false });
  boss.on("error", (error: Error) => log(`alerts: queue error: ${error.message}`));
  await boss.start();
  const queues = [
    { name: EMAIL_QUEUE, retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 120 },
    { name: WEBHOOK_QUEUE, retryLimit: settings.webhookRetries, retryDelay: settings.webhookRetryDelaySeconds, retryBackoff: true, expireInSeconds: 60 },
  ];
  // createQueue keeps the options of a queue that exists already: update it, so a changed retry setting
  // takes effect at the next start instead of whatever the first start wrote.
  for (const queue of queues) {
    await boss.createQueue(queue.name, queue);
    await boss.updateQueue(queue.name, queue);
  }

  const work = (queue: string, deliver: (watchId: number, alertIds: number[], attempt: number) => Promise<void>) =>
    boss.work<DeliveryJob>(queue, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      try {
        await deliver(job.data.watchId, job.data.alertIds, job.retryCount + 1);
      } catch (error) {
        log(`alerts: ${job.data.channel} of watch ${job.data.watchId}, attempt ${job.retryCount + 1}: ${(error as Error).message}`);
        throw error;
      }
    });
  await work(EMAIL_QUEUE, deliverEmail);
  await work(WEBHOOK_QUEUE, deliverWebhook);

  const enqueue: Enqueue = async (client, jobs) => {
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    for (const job of jobs) await boss.send(job.channel === "email" ? EMAIL_QUEUE : WEBHOOK_QUEUE, job, { db });
  };

  let lastSurgeCheck = 0;
  async function tick(): Promise<void> {
    for (let run = 0; run < 100; run++) {
      const result = await evaluatePending({ enqueue });
      if (result.incidents < EVALUATION_BATCH) break;
    }
    await deliverDigests();
    if (Date.now() - lastSurgeCheck >= settings.surgeCheckMinutes * 60_000) {
      lastSurgeCheck = Date.now();
      await evaluateSurgeWatches({ enqueue });
    }
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    try {
      await tick();
    } catch (error) {
      log(`alerts: evaluation failed: ${(error as Error).message}`);
    }
    if (!stopped) timer = setTimeout(() => void loop(), settings.tickSeconds * 1000);
  };
  void loop();

  return {
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await boss.stop({ graceful: true, timeout: 20_000, wait: true });
    },
  };
}
