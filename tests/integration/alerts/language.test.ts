/**
 * Alerts in each reader's language, end to end through the real worker (pg-boss on the test database): the
 * reason stored with the alert is worded in French for a French reader's inbox and e-mail (sent to a real
 * SMTP server), in English for an English one; a webhook keeps its machine fields and adds the owner's words.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDigests } from "@/lib/alerts/deliver";
import { createWatch, listAlerts } from "@/lib/alerts/queries";
import { startAlertWorker, type AlertWorker } from "@/lib/alerts/worker";
import { reasonWordsFor, wordAlerts } from "@/lib/alerts/wording";
import type { SessionUser } from "@/lib/auth/guard";
import { setUserLocale } from "@/lib/auth/users";
import { resolveLocale } from "@/lib/i18n/config";
import fr from "@/lib/i18n/messages/fr.json";
import { loadReferenceData } from "@/lib/reference/load";
import { query, resetDatabase } from "../db";
import { signedInUser, type Caller } from "../session";
import { alertRows, ingest, KAYES_JNIM, MOPTI, resetAlerts } from "./helpers";
import { readable, startMailServer, type Mail } from "./mail-server";

let mailServer: Awaited<ReturnType<typeof startMailServer>>;
let mails: Mail[];
let receiver: Server;
let hookUrl: string;
const hooks: string[] = [];
let french: Caller;
let english: Caller;
const workers: AlertWorker[] = [];
const ENV = { ALERTS_FROM: "Vigie <alerts@vigie.test>", ALERTS_TICK_SECONDS: "0.5", WEBHOOK_RETRY_DELAY_SECONDS: "1" };

async function waitFor<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The inbox as the alerts page shows it to this user: their alerts, worded in their saved language. */
async function inbox(user: SessionUser): Promise<string[]> {
  const [row] = await query<{ locale: string | null }>(`SELECT locale FROM "user" WHERE id = $1`, [user.id]);
  const words = await reasonWordsFor(resolveLocale({ saved: row?.locale }));
  return wordAlerts(await listAlerts(user), words).map((alert) => alert.title);
}

const mailTo = (email: string) => {
  const mail = mails.find((candidate) => candidate.to.includes(email));
  if (!mail) throw new Error(`no e-mail to ${email}`);
  return readable(mail.raw);
};

beforeAll(async () => {
  mailServer = await startMailServer();
  mails = mailServer.mails;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      hooks.push(Buffer.concat(chunks).toString("utf8"));
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookPort = (receiver.address() as AddressInfo).port;
  hookUrl = `http://127.0.0.1:${hookPort}/hook`;
  Object.assign(process.env, ENV, { SMTP_URL: mailServer.url, FEED_ALLOWED_HOSTS: `127.0.0.1:${hookPort}` });
  await resetDatabase();
  await loadReferenceData();
  french = await signedInUser("analyst", "amadou@example.org");
  await setUserLocale(french.user.id, "fr");
  english = await signedInUser("analyst", "anna@example.org");
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await mailServer.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  for (const key of [...Object.keys(ENV), "SMTP_URL", "FEED_ALLOWED_HOSTS"]) delete process.env[key];
});

beforeEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await resetAlerts();
  await query(`TRUNCATE source, incident, incident_source, evidence, incident_actor RESTART IDENTITY CASCADE`);
  await setUserLocale(french.user.id, "fr");
  mails.length = 0;
  hooks.length = 0;
});

describe("alerts in the reader's language", () => {
  it("a French user's inbox alert and e-mail are in French, an English user's in English", async () => {
    await createWatch(french.user, { name: "JNIM à Kayes", query: "admin1=Kayes&actor=JNIM", emailMode: "immediate" });
    await createWatch(english.user, { name: "JNIM in Kayes", query: "admin1=Kayes&actor=JNIM", emailMode: "immediate" });
    workers.push(await startAlertWorker({ log: () => {} }));
    const [kayes] = await ingest(KAYES_JNIM);
    await waitFor("both e-mails", () => mails, (list) => list.length >= 2);
    const [incident] = await query<{ event_type: keyof typeof fr.eventType }>(`SELECT event_type FROM incident WHERE id = $1`, [kayes]);

    const inFrench = mailTo("amadou@example.org");
    expect(inFrench.subject).toBe("[Vigie] 1 nouvel incident : Kayes (JNIM, Military Forces of Mali), 12 morts");
    expect(inFrench.text).toContain("Veille « JNIM à Kayes » :");
    expect(inFrench.text).toContain(`03/03/2025 ${fr.eventType[incident!.event_type]} : Kayes, Mali (JNIM; Military Forces of Mali), 12 morts`);
    expect(inFrench.text).toContain(`/incidents/${kayes}`);
    expect(inFrench.text).not.toMatch(/killed|Watch "/);

    const inEnglish = mailTo("anna@example.org");
    expect(inEnglish.subject).toBe("[Vigie] 1 new incident in Kayes (JNIM, Military Forces of Mali), 12 killed");
    expect(inEnglish.text).toContain('Watch "JNIM in Kayes":');
    expect(inEnglish.text).toContain(`2025-03-03 ${incident!.event_type} in Kayes, Mali (JNIM; Military Forces of Mali), 12 killed`);
    expect(inEnglish.text).not.toMatch(/morts|Veille/);

    expect(await inbox(french.user)).toEqual(["1 nouvel incident : Kayes (JNIM, Military Forces of Mali), 12 morts"]);
    expect(await inbox(english.user)).toEqual(["1 new incident in Kayes (JNIM, Military Forces of Mali), 12 killed"]);
    // The words are chosen when the alert is read, not when it fired: switching language rewords it.
    await setUserLocale(french.user.id, "en");
    expect(await inbox(french.user)).toEqual(["1 new incident in Kayes (JNIM, Military Forces of Mali), 12 killed"]);
  });

  it("a French owner's digest is in French, and the webhook adds French words to unchanged machine fields", async () => {
    await createWatch(french.user, { name: "Mali", query: "country=Mali", emailMode: "daily", webhookUrl: hookUrl, webhookSecret: "a-webhook-secret-of-some-length", maxAlertsPerHour: 60 });
    workers.push(await startAlertWorker({ log: () => {} }));
    await ingest(KAYES_JNIM);
    await waitFor("the first alert", alertRows, (rows) => rows.length === 1);
    await ingest(MOPTI);
    await waitFor("the second alert", alertRows, (rows) => rows.length === 2);
    await waitFor("a webhook call per alert", () => hooks, (list) => list.length >= 2);

    expect(await deliverDigests(new Date(Date.now() + 24 * 60 * 60 * 1000 + 60_000))).toBe(1);
    const digest = mailTo("amadou@example.org");
    expect(digest.subject).toBe("[Vigie] Résumé quotidien : 2 alertes pour Mali");
    expect(digest.text).toMatch(/^2 alertes depuis le \d\d\/\d\d\/\d{4} \d\d:\d\d UTC pour la veille « Mali » :$/m);
    expect(digest.text).toContain("• 1 nouvel incident : Mopti (Unidentified Armed Group, Police Forces of Mali), 3 morts (");
    expect(digest.text).toContain("Veille « Mali » : ");

    const body = JSON.parse(hooks[0]!) as { locale: string; alerts: { kind: string; title: string; reason: unknown; incidents: { eventType: string; country: string; fatalities: number }[] }[] };
    expect(body.locale).toBe("fr");
    expect(body.alerts[0]!.title).toBe("1 nouvel incident : Kayes (JNIM, Military Forces of Mali), 12 morts");
    expect(body.alerts[0]!.kind).toBe("incidents");
    expect(body.alerts[0]!.reason).toEqual({ kind: "incidents", count: 1, minFatalities: null, places: { names: ["Kayes"], more: 0 }, actors: { names: ["JNIM", "Military Forces of Mali"], more: 0 }, killed: 12 });
    // Codes stay ACLED's English whatever the owner's language.
    expect(body.alerts[0]!.incidents[0]).toMatchObject({ country: "Mali", fatalities: 12 });
    expect(Object.keys(fr.eventType)).toContain(body.alerts[0]!.incidents[0]!.eventType);
  });
});
