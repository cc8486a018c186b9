/**
 * The production web server: Next's request handler in several worker processes sharing one port
 * (node:cluster). `next start` is a single process, so it uses one core however many the machine has.
 * Each worker is a whole Next server with its own database pool; the primary only forks them,
 * replaces one that dies while serving, and stops them all on SIGTERM/SIGINT. A worker that dies before
 * it ever served (a bad environment: see lib/startup-check.ts) stops everything with its exit code instead
 * of being restarted in a loop. Beside them runs one feed poller process (lib/feeds/worker.ts; FEED_WORKER=0 to
 * leave polling to `npm run worker` elsewhere), restarted when it dies.
 *
 *   node --import tsx scripts/cli/serve.ts [--port 3000] [--hostname 127.0.0.1]
 *   WEB_CONCURRENCY=n   web worker processes (default: the number of cores less one)
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { stampClientAddress, trustedProxyCount } from "../../lib/auth/ip";
import { hstsHeader } from "../../lib/http/csp";
import { envOrExit } from "../../lib/startup-check";

const READY = "vigie:ready";
const FEEDS_ROLE = "feeds";
const config = envOrExit();
const feedsEnabled = config.FEED_WORKER !== "0";

const { values } = parseArgs({ options: { port: { type: "string", default: String(config.PORT) }, hostname: { type: "string" } } });
const port = Number(values.port);
const hostname = values.hostname;

/**
 * By default one core is left to PostgreSQL, which on a small server shares the machine: measured on 2
 * cores with the database beside it, one worker served 26 requests/s of the load mix and two only 20.
 */
function workerCount(): number {
  return config.WEB_CONCURRENCY ?? Math.max(1, availableParallelism() - 1);
}

async function serve(): Promise<void> {
  Object.assign(process.env, { NODE_ENV: "production" });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const proxies = trustedProxyCount();
  const hsts = hstsHeader();
  const server = createServer((request, response) => {
    // Every answer, pages, API and static files alike, once the public URL is https.
    if (hsts) response.setHeader("Strict-Transport-Security", hsts);
    // The one place that sees the socket: route handlers read the client's address from this header.
    stampClientAddress(request, proxies);
    void handle(request, response);
  });
  // As `next start` does: longer than the usual proxies' idle timeout, so they never reuse a closed socket.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    if (cluster.isWorker) process.send?.(READY);
    else console.log(`serving on http://${hostname ?? "localhost"}:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Responses in flight (a long export) get a moment to finish, not forever.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

async function pollFeeds(): Promise<void> {
  const { startFeedWorker } = await import("../../lib/feeds/worker");
  const worker = await startFeedWorker();
  const { startAlertWorker } = await import("../../lib/alerts/worker");
  const alerts = await startAlertWorker();
  const stop = () => void Promise.all([worker.stop(), alerts.stop()]).finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

function supervise(workers: number): void {
  let stopping = false;
  const ready = new Set<number>();
  const stop = (code: number) => {
    if (!stopping) for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    stopping = true;
    process.exitCode = code;
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  cluster.on("message", (worker, message) => {
    if (message !== READY) return;
    ready.add(worker.id);
    if (ready.size === workers) console.log(`serving on http://${hostname ?? "localhost"}:${port} with ${workers} worker processes`);
  });
  const feeds = new Set<number>();
  const forkFeeds = () => feeds.add(cluster.fork({ VIGIE_PROCESS: FEEDS_ROLE }).id);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(process.exitCode ?? 0);
    } else if (feeds.delete(worker.id)) {
      // The poller's state is in the database: a new one carries on. Not at once, in case it dies at start.
      console.error(`feed poller ${worker.process.pid} stopped (${signal ?? code}); starting another in 5 s`);
      setTimeout(() => !stopping && forkFeeds(), 5_000).unref();
    } else if (!ready.has(worker.id)) {
      stop(code || 1);
    } else {
      console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
      cluster.fork();
    }
  });
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  for (let index = 0; index < workers; index++) cluster.fork();
  if (feedsEnabled) forkFeeds();
}

const workers = workerCount();
if (cluster.isPrimary && (workers > 1 || feedsEnabled)) supervise(workers);
else if (process.env.VIGIE_PROCESS === FEEDS_ROLE) await pollFeeds();
else await serve();
