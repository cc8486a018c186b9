/**
 * `npm run worker`: the feed poller and the alert worker without the web server (lib/feeds/worker.ts,
 * lib/alerts/worker.ts, on one job queue: lib/jobs/queue.ts), on DATABASE_URL or the embedded database.
 * Run as many as you like, on as many machines: they share the work through the job queue in PostgreSQL.
 * `npm start` already runs one beside the web server.
 */
import { existsSync } from "node:fs";
import { provideDatabase, stopOnExit } from "../../lib/db/database";
import { migrate } from "../../lib/db/migrate";
import { describeAppRole, provideAppRole } from "../../lib/db/app-role";
import { env } from "../../lib/env";
import { reportFailures } from "../lib/cli";

reportFailures("npm run worker");
if (existsSync(".env")) process.loadEnvFile(".env");
env();
const db = await provideDatabase((line) => console.log(line));
await migrate(db.url);
const app = await provideAppRole(db.url);
console.log(describeAppRole(app));
process.env.DATABASE_URL = app.url;
const { startFeedWorker } = await import("../../lib/feeds/worker");
const worker = await startFeedWorker();
const { startAlertWorker } = await import("../../lib/alerts/worker");
const alerts = await startAlertWorker();
stopOnExit(db.stop, () => Promise.all([worker.stop(), alerts.stop()]).then(() => {}));
console.log(`feed poller running (pid ${process.pid})`);
