/**
 * The alerting worker, on the process's job queue (lib/jobs/queue.ts), shared with the feed poller:
 * - a loop evaluates the incidents written since the last run (lib/alerts/evaluate.ts) every
 *   ALERTS_TICK_SECONDS, sends the digests that are due, and looks for surges every SURGE_CHECK_MINUTES;
 *   any number of workers may run it at once, exactly-once lives in the database;
 * - e-mails and webhook calls are jobs queued in the evaluation's own transaction, so a crash can neither
 *   lose nor duplicate them; a failed webhook is retried WEBHOOK_RETRIES times with exponential backoff
 *   from WEBHOOK_RETRY_DELAY_SECONDS.
 */
import { openJobQueue, QUEUES } from "@/lib/jobs/queue";
import { repeat } from "@/lib/jobs/repeat";
import { deliverDigests, deliverEmail, deliverWebhook } from "./deliver";
import { EVALUATION_BATCH, evaluatePending, type DeliveryJob, type Enqueue } from "./evaluate";
import { alertSettings } from "./settings";
import { evaluateSurgeWatches } from "./surge";

export type AlertWorker = { stop: () => Promise<void>; tick: () => Promise<void> };

export async function startAlertWorker(options: { log?: (line: string) => void } = {}): Promise<AlertWorker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const settings = alertSettings();
  const jobs = await openJobQueue(log);

  const work = (queue: typeof QUEUES.alertEmail | typeof QUEUES.alertWebhook, deliver: (watchId: number, alertIds: number[], attempt: number) => Promise<void>) =>
    jobs.work<DeliveryJob>(queue, { pollingIntervalSeconds: 1 }, async (job) => {
      try {
        await deliver(job.data.watchId, job.data.alertIds, job.retryCount + 1);
      } catch (error) {
        log(`alerts: ${job.data.channel} of watch ${job.data.watchId}, attempt ${job.retryCount + 1}: ${(error as Error).message}`);
        throw error;
      }
    });
  await work(QUEUES.alertEmail, deliverEmail);
  await work(QUEUES.alertWebhook, deliverWebhook);

  const enqueue: Enqueue = async (client, deliveries) => {
    for (const delivery of deliveries) await jobs.sendInTransaction(client, delivery.channel === "email" ? QUEUES.alertEmail : QUEUES.alertWebhook, [delivery]);
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

  const loop = repeat(tick, settings.tickSeconds * 1000, (error) => log(`alerts: evaluation failed: ${error.message}`));

  return {
    tick,
    stop: async () => {
      await loop.stop();
      await jobs.close();
    },
  };
}
