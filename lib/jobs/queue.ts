/**
 * The job queue: pg-boss 10 on the PostgreSQL Vigie already runs (its own `pgboss` schema), so there is no
 * Redis to deploy, jobs survive restarts, and any number of workers on any number of machines share them
 * (jobs are taken with FOR UPDATE SKIP LOCKED).
 *
 * A process has one pg-boss instance (one small pool, one maintenance timer) whatever the number of
 * workers it runs: each worker opens the queue, registers its handlers and closes it; the last close
 * stops pg-boss. Every queue and its options are defined here, and written at each open: createQueue
 * keeps the options of a queue that exists already, so a changed setting (a webhook's retry delay) would
 * otherwise never reach a database another worker had set up.
 */
import type pg from "pg";
import { env } from "@/lib/env";
import PgBoss from "pg-boss";
import { alertSettings } from "@/lib/alerts/settings";

export const QUEUES = {
  /** One job per feed due for a poll; `short`: at most one queued job per feed (its singletonKey). */
  feedPoll: "feed-poll",
  alertEmail: "alert-email",
  alertWebhook: "alert-webhook",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The options of every queue, read from the settings when the queue is opened. */
function queueDefinitions(): (PgBoss.Queue & { name: QueueName })[] {
  const alerts = alertSettings();
  return [
    { name: QUEUES.feedPoll, policy: "short", retryLimit: 2, retryDelay: 30, expireInSeconds: 300 },
    { name: QUEUES.alertEmail, retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 120 },
    { name: QUEUES.alertWebhook, retryLimit: alerts.webhookRetries, retryDelay: alerts.webhookRetryDelaySeconds, retryBackoff: true, expireInSeconds: 60 },
  ];
}

/** Within the 10 s the cluster primary gives a process to stop; an unfinished job is redone by another worker. */
const STOP_TIMEOUT_MS = 8_000;

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

export type JobQueue = {
  /** Runs `handler` on the jobs of `queue`, one at a time; returns the pg-boss worker's id. */
  work<T extends object>(queue: QueueName, options: { pollingIntervalSeconds: number }, handler: JobHandler<T>): Promise<string>;
  send(queue: QueueName, data: object, options?: PgBoss.SendOptions): Promise<string | null>;
  /** Queues jobs in the caller's transaction: they exist if and only if it commits. */
  sendInTransaction(client: pg.PoolClient, queue: QueueName, jobs: object[]): Promise<void>;
  /** Wakes a worker of this process now instead of at its next look at the queue. */
  notify(workerId: string): void;
  /** Stops this opener's workers (the running job finishes); the last close stops pg-boss. */
  close(): Promise<void>;
};

/** `logs`: the openers' loggers; pg-boss's errors go to the first (an error event without a listener would throw). */
type Shared = { boss: Promise<PgBoss>; users: number; logs: ((line: string) => void)[] };
/** One instance per database (tests switch databases within one process). */
const instances = new Map<string, Shared>();

async function startBoss(connectionString: string, logs: Shared["logs"]): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, application_name: "vigie-jobs", max: 4, schedule: false });
  boss.on("error", (error: Error) => (logs[0] ?? console.error)(`jobs: queue error: ${error.message}`));
  await boss.start();
  return boss;
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const queue of queueDefinitions()) {
    await boss.createQueue(queue.name, queue);
    await boss.updateQueue(queue.name, queue);
  }
}

/** Opens the process's job queue on DATABASE_URL, starting pg-boss on first use. */
export async function openJobQueue(log: (line: string) => void): Promise<JobQueue> {
  const connectionString = env().DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  let shared = instances.get(connectionString);
  if (!shared) {
    const logs: Shared["logs"] = [];
    shared = { boss: startBoss(connectionString, logs), users: 0, logs };
    instances.set(connectionString, shared);
  }
  shared.users++;
  shared.logs.push(log);
  const instance = shared;
  let boss: PgBoss;
  try {
    boss = await instance.boss;
    await ensureQueues(boss);
  } catch (error) {
    await release(connectionString, instance, log);
    throw error;
  }
  const workerIds: string[] = [];
  let closed = false;

  return {
    async work(queue, options, handler) {
      const id = await boss.work<never>(queue, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds }, async ([job]) => {
        if (job) await handler(job as PgBoss.JobWithMetadata<never>);
      });
      workerIds.push(id);
      return id;
    },
    send: (queue, data, options = {}) => boss.send(queue, data, options),
    async sendInTransaction(client, queue, jobs) {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      for (const job of jobs) await boss.send(queue, job, { db });
    },
    notify: (workerId) => boss.notifyWorker(workerId),
    async close() {
      if (closed) return;
      closed = true;
      for (const id of workerIds) await boss.offWork({ id });
      await release(connectionString, instance, log);
    },
  };
}

async function release(connectionString: string, instance: Shared, log: (line: string) => void): Promise<void> {
  instance.logs.splice(instance.logs.indexOf(log), 1);
  if (--instance.users > 0) return;
  // Forgotten before stopping, so an open during the stop starts a fresh instance.
  if (instances.get(connectionString) === instance) instances.delete(connectionString);
  const boss = await instance.boss.catch(() => null);
  await boss?.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true });
}
