/**
 * Deliveries end to end, through the real worker (pg-boss on the test database): e-mail reaches a real
 * SMTP server started here, a webhook reaches a real local HTTP server that checks its signature and fails
 * once, and two workers running at once deliver each alert once.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as DELIVERIES } from "@/app/api/watches/[id]/deliveries/route";
import { deliverDigests, SIGNATURE_HEADER } from "@/lib/alerts/deliver";
import { createWatch } from "@/lib/alerts/queries";
import { startAlertWorker, type AlertWorker } from "@/lib/alerts/worker";
import { loadReferenceData } from "@/lib/reference/load";
import { query, resetDatabase } from "../db";
import { signedInUser, withToken, type Caller } from "../session";
import { alertRows, ingest, KAYES_JNIM, MOPTI, resetAlerts } from "./helpers";
import { startMailServer, type Mail } from "./mail-server";

let mails: Mail[] = [];
let smtp: Awaited<ReturnType<typeof startMailServer>>;
type Hook = { body: string; signature: string | undefined; attempt: string | undefined; status: number };
const hooks: Hook[] = [];
let failNext = 0;
let receiver: Server;
let hookUrl: string;
let analyst: Caller;
const workers: AlertWorker[] = [];
const SECRET = "a-webhook-secret-of-some-length";

/** Headers unfolded and the quoted-printable body decoded, as a mail client would show them. */
function readable(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n").replace(/=\r?\n/g, "");
  const bytes = Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
  return `${head.replace(/\r?\n[ \t]/g, " ")}\n\n${bytes.toString("utf8")}`;
}

async function waitFor<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  smtp = await startMailServer();
  mails = smtp.mails;

  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = failNext > 0 ? (failNext--, 500) : 200;
      hooks.push({ body: Buffer.concat(chunks).toString("utf8"), signature: request.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined, attempt: request.headers["x-vigie-attempt"] as string | undefined, status });
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "boom");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookPort = (receiver.address() as AddressInfo).port;
  hookUrl = `http://127.0.0.1:${hookPort}/hook`;

  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    ALERTS_FROM: "Vigie alerts <alerts@vigie.test>",
    FEED_ALLOWED_HOSTS: `127.0.0.1:${hookPort}`,
    ALERTS_TICK_SECONDS: "0.5",
    WEBHOOK_RETRY_DELAY_SECONDS: "1",
    WEBHOOK_RETRIES: "3",
  });
  await resetDatabase();
  await loadReferenceData();
  analyst = await signedInUser("analyst", "ana@example.org");
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await smtp.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  for (const key of ["SMTP_URL", "ALERTS_FROM", "FEED_ALLOWED_HOSTS", "ALERTS_TICK_SECONDS", "WEBHOOK_RETRY_DELAY_SECONDS", "WEBHOOK_RETRIES"]) delete process.env[key];
});

beforeEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await resetAlerts();
  await query(`TRUNCATE source, incident, incident_source, evidence, incident_actor RESTART IDENTITY CASCADE`);
  mails.length = 0;
  hooks.length = 0;
  failNext = 0;
});

describe("e-mail", () => {
  it("an immediate watch e-mails its owner the alert with the incident's link, through a real SMTP server", async () => {
    await createWatch(analyst.user, { name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM", emailMode: "immediate" });
    workers.push(await startAlertWorker({ log: () => {} }));
    const [kayes] = await ingest(KAYES_JNIM);
    await ingest(MOPTI);
    const [mail] = await waitFor("the e-mail", () => mails, (list) => list.length > 0);
    expect(mail!.from).toBe("alerts@vigie.test");
    expect(mail!.to).toEqual(["ana@example.org"]);
    const unfolded = readable(mail!.raw);
    expect(unfolded).toMatch(/^Subject: \[Vigie\] 1 new incident in Kayes \(JNIM, Military Forces of Mali\), 12 killed\r?$/m);
    expect(unfolded).toContain(`/incidents/${kayes}`);
    expect(unfolded).not.toContain("Mopti");
    // One e-mail, recorded in the delivery log.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mails).toHaveLength(1);
    expect(await query(`SELECT channel, ok, attempt FROM alert_delivery`)).toEqual([{ channel: "email", ok: true, attempt: 1 }]);
  });

  it("a daily digest gathers the day's alerts into one e-mail, once", async () => {
    const watch = await createWatch(analyst.user, { name: "Mali daily", query: "country=Mali", emailMode: "daily", maxAlertsPerHour: 60 });
    workers.push(await startAlertWorker({ log: () => {} }));
    await ingest(KAYES_JNIM);
    await waitFor("the first alert", alertRows, (rows) => rows.length === 1);
    await ingest(MOPTI);
    await waitFor("the second alert", alertRows, (rows) => rows.length === 2);
    expect(mails).toEqual([]);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000 + 60_000);
    expect(await deliverDigests(tomorrow)).toBe(1);
    expect(await deliverDigests(tomorrow)).toBe(0);
    expect(mails).toHaveLength(1);
    const unfolded = readable(mails[0]!.raw);
    expect(unfolded).toMatch(/^Subject: \[Vigie\] Daily digest: 2 alerts for Mali daily\r?$/m);
    expect(unfolded).toContain("Kayes (JNIM, Military Forces of Mali), 12 killed");
    expect(unfolded).toContain("• 1 new incident in Mopti (Unidentified Armed Group, Police Forces of Mali), 3 killed");
    expect(unfolded).toContain("/incidents?country=Mali");
    expect(watch.emailMode).toBe("daily");
  });
});

describe("webhooks", () => {
  it("signs the JSON with HMAC-SHA256, is retried after a 500, and logs each attempt", async () => {
    const watch = await createWatch(analyst.user, { name: "Hook", query: "admin1=Kayes&actor=JNIM", webhookUrl: hookUrl, webhookSecret: SECRET });
    failNext = 1;
    workers.push(await startAlertWorker({ log: () => {} }));
    const [kayes] = await ingest(KAYES_JNIM);
    await waitFor("two webhook calls", () => hooks, (list) => list.length >= 2);
    expect(hooks.map((hook) => [hook.status, hook.attempt])).toEqual([[500, "1"], [200, "2"]]);
    for (const hook of hooks) {
      expect(hook.signature).toBe(`sha256=${createHmac("sha256", SECRET).update(hook.body).digest("hex")}`);
      expect(hook.signature).not.toBe(`sha256=${createHmac("sha256", "another secret").update(hook.body).digest("hex")}`);
    }
    const body = JSON.parse(hooks[1]!.body) as { watch: { id: number }; alerts: { title: string; incidents: { id: number; url: string }[] }[] };
    expect(body.watch.id).toBe(watch.id);
    expect(body.alerts[0]!.title).toBe("1 new incident in Kayes (JNIM, Military Forces of Mali), 12 killed");
    expect(body.alerts[0]!.incidents.map((incident) => incident.id)).toEqual([kayes]);

    const response = await DELIVERIES(new Request(`http://localhost/api/watches/${watch.id}/deliveries`, withToken(analyst.token)), { params: Promise.resolve({ id: String(watch.id) }) });
    expect(response.status).toBe(200);
    const { deliveries } = (await response.json()) as { deliveries: { channel: string; attempt: number; ok: boolean; statusCode: number | null }[] };
    expect(deliveries.map(({ channel, attempt, ok, statusCode }) => ({ channel, attempt, ok, statusCode }))).toEqual([
      { channel: "webhook", attempt: 2, ok: true, statusCode: 200 },
      { channel: "webhook", attempt: 1, ok: false, statusCode: 500 },
    ]);
  });

  it("two workers running at once call the webhook once per alert", async () => {
    await createWatch(analyst.user, { name: "Hook", query: "country=Mali", webhookUrl: hookUrl, webhookSecret: SECRET, maxAlertsPerHour: 60 });
    workers.push(await startAlertWorker({ log: () => {} }), await startAlertWorker({ log: () => {} }));
    const ids = [...(await ingest(KAYES_JNIM)), ...(await ingest(MOPTI))];
    await waitFor("every incident alerted", alertRows, (rows) => rows.flatMap((row) => row.incident_ids).length >= ids.length);
    const alerts = await alertRows();
    await waitFor("a call per alert", () => hooks, (list) => list.length >= alerts.length);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const called = hooks.flatMap((hook) => (JSON.parse(hook.body) as { alerts: { id: number; incidents: { id: number }[] }[] }).alerts);
    expect(called.map((alert) => alert.id).sort()).toEqual(alerts.map((alert) => alert.id).sort());
    expect(called.flatMap((alert) => alert.incidents.map((incident) => incident.id)).sort()).toEqual([...ids].sort());
  });
});
