/**
 * Sending alerts out: e-mail through SMTP (nodemailer; immediately or as a daily/weekly digest) and webhooks
 * (JSON signed with HMAC-SHA256, through the guarded outbound fetch). Every attempt is written to the
 * delivery log; a failed webhook throws so the job queue retries it with backoff.
 */
import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import { prisma } from "@/lib/db/client";
import { safeFetch } from "@/lib/net/safe-fetch";
import { formatDateTime } from "@/lib/i18n/format";
import { emailText, loadPayload, mailWords, type AlertPayload, type MailWords } from "./payload";
import { alertSettings } from "./settings";

export const SIGNATURE_HEADER = "X-Vigie-Signature";
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex>` of the exact body bytes, keyed by the watch's secret (as GitHub and Stripe do). */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

type Attempt = { watchId: number; alertIds: number[]; channel: "email" | "webhook"; attempt: number; ok: boolean; statusCode?: number | null; error?: string | null; startedAt: number };

async function logAttempt(attempt: Attempt): Promise<void> {
  await prisma.alertDelivery.create({
    data: {
      watchId: attempt.watchId,
      alertIds: attempt.alertIds,
      channel: attempt.channel,
      attempt: attempt.attempt,
      ok: attempt.ok,
      statusCode: attempt.statusCode ?? null,
      error: attempt.error?.slice(0, 500) ?? null,
      durationMs: Math.round(performance.now() - attempt.startedAt),
    },
  });
}

let transport: { url: string; transporter: nodemailer.Transporter } | undefined;

function mailer(): nodemailer.Transporter {
  const url = alertSettings().smtpUrl;
  if (!url) throw new Error("SMTP_URL is not set: e-mail alerts cannot be sent");
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

async function sendMail(payload: AlertPayload, words: MailWords, subject: string, intro: string, attempt: number): Promise<void> {
  const startedAt = performance.now();
  const alertIds = payload.alerts.map((alert) => alert.id);
  try {
    await mailer().sendMail({ from: alertSettings().from, to: payload.watch.ownerEmail, subject, text: emailText(payload, intro, words) });
    await logAttempt({ watchId: payload.watch.id, alertIds, channel: "email", attempt, ok: true, startedAt });
  } catch (error) {
    await logAttempt({ watchId: payload.watch.id, alertIds, channel: "email", attempt, ok: false, error: (error as Error).message, startedAt });
    throw error;
  }
}

/** One e-mail for the alerts of one run of a watch (immediate mode), in the owner's language. */
export async function deliverEmail(watchId: number, alertIds: number[], attempt = 1): Promise<void> {
  const payload = await loadPayload(watchId, alertIds);
  if (!payload?.alerts.length) return;
  const words = await mailWords(payload.locale);
  const { t } = words;
  const subject = payload.alerts.length === 1 ? t("subject", { title: payload.alerts[0]!.title }) : t("subjectMany", { count: payload.alerts.length, watch: payload.watch.name });
  await sendMail(payload, words, subject, t("intro", { watch: payload.watch.name }), attempt);
}

const DIGEST_PERIOD_MS = { daily: 24 * 60 * 60 * 1000, weekly: 7 * 24 * 60 * 60 * 1000 } as const;

/**
 * Digests that are due: one e-mail per watch with every alert since its last digest. The watch row is
 * locked (SKIP LOCKED) while its digest is sent, so two workers never send the same digest; a failed send
 * rolls back and is tried at the next run. Returns the number of e-mails sent.
 */
export async function deliverDigests(now = new Date()): Promise<number> {
  let sent = 0;
  for (const mode of ["daily", "weekly"] as const) {
    const dueBefore = new Date(now.getTime() - DIGEST_PERIOD_MS[mode]);
    const due = await prisma.watch.findMany({ where: { emailMode: mode, lastDigestAt: { lte: dueBefore } }, select: { id: true }, take: 500 });
    for (const { id } of due) {
      const delivered = await prisma.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<{ last_digest_at: Date }[]>`
            SELECT last_digest_at FROM watch WHERE id = ${id} AND email_mode = ${mode}::"EmailMode" AND last_digest_at <= ${dueBefore} FOR NO KEY UPDATE SKIP LOCKED`;
          if (!locked[0]) return false;
          const alerts = await tx.alert.findMany({ where: { watchId: id, createdAt: { gt: locked[0].last_digest_at, lte: now } }, select: { id: true }, orderBy: { id: "asc" } });
          await tx.watch.update({ where: { id }, data: { lastDigestAt: now } });
          if (!alerts.length) return false;
          const payload = await loadPayload(id, alerts.map((alert) => alert.id));
          if (!payload) return false;
          const count = payload.alerts.length;
          const words = await mailWords(payload.locale);
          const since = formatDateTime(locked[0].last_digest_at, payload.locale);
          await sendMail(payload, words, words.t("digestSubject", { mode, count, watch: payload.watch.name }), words.t("digestIntro", { count, since, watch: payload.watch.name }), 1);
          return true;
        },
        { timeout: 60_000 },
      );
      if (delivered) sent++;
    }
  }
  return sent;
}

/** One call of a watch's webhook; throws on anything but a 2xx so the queue retries. */
export async function deliverWebhook(watchId: number, alertIds: number[], attempt = 1): Promise<void> {
  const payload = await loadPayload(watchId, alertIds);
  if (!payload?.alerts.length || !payload.watch.webhookUrl || !payload.watch.webhookSecret) return;
  const body = JSON.stringify({ watch: { id: payload.watch.id, name: payload.watch.name, url: payload.watch.url }, locale: payload.locale, alerts: payload.alerts });
  const startedAt = performance.now();
  let statusCode: number | null = null;
  try {
    const response = await safeFetch(payload.watch.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: signBody(payload.watch.webhookSecret, body),
        "X-Vigie-Delivery": `${watchId}-${alertIds.join(",")}`,
        "X-Vigie-Attempt": String(attempt),
      },
      body,
      maxBytes: 64 * 1024,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      label: "webhookUrl",
    });
    statusCode = response.status;
    if (response.status < 200 || response.status > 299) throw new Error(`the webhook answered HTTP ${response.status}`);
  } catch (error) {
    await logAttempt({ watchId, alertIds, channel: "webhook", attempt, ok: false, statusCode, error: (error as Error).message, startedAt });
    throw error;
  }
  await logAttempt({ watchId, alertIds, channel: "webhook", attempt, ok: true, statusCode, startedAt });
}
