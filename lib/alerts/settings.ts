/** Alerting settings from the configuration, read when used so tests and operators can change them. */
import { env } from "@/lib/env";

export type SurgeSettings = { weekRatio: number; weekMinAverage: number; monthMinFatalities: number };

export function surgeSettings(): SurgeSettings {
  const config = env();
  return {
    weekRatio: config.SURGE_WEEK_RATIO,
    weekMinAverage: config.SURGE_WEEK_MIN_AVERAGE,
    monthMinFatalities: config.SURGE_MONTH_MIN_FATALITIES,
  };
}

export function alertSettings() {
  const config = env();
  return {
    tickSeconds: config.ALERTS_TICK_SECONDS,
    surgeCheckMinutes: config.SURGE_CHECK_MINUTES,
    webhookRetries: config.WEBHOOK_RETRIES,
    webhookRetryDelaySeconds: config.WEBHOOK_RETRY_DELAY_SECONDS,
    from: config.ALERTS_FROM ?? "Vigie <alerts@vigie.local>",
    smtpUrl: config.SMTP_URL ?? null,
    appUrl: (config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, ""),
  };
}
