/** Alerting settings from the environment, read when used so tests and operators can change them. */

function numberFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min ? value : fallback;
}

export type SurgeSettings = { weekRatio: number; weekMinAverage: number; monthMinFatalities: number };

export function surgeSettings(): SurgeSettings {
  return {
    weekRatio: numberFromEnv("SURGE_WEEK_RATIO", 2, 1),
    weekMinAverage: numberFromEnv("SURGE_WEEK_MIN_AVERAGE", 1, 0),
    monthMinFatalities: numberFromEnv("SURGE_MONTH_MIN_FATALITIES", 10, 1),
  };
}

export function alertSettings() {
  return {
    tickSeconds: numberFromEnv("ALERTS_TICK_SECONDS", 5, 0.2),
    surgeCheckMinutes: numberFromEnv("SURGE_CHECK_MINUTES", 60, 0),
    webhookRetries: numberFromEnv("WEBHOOK_RETRIES", 5, 0),
    webhookRetryDelaySeconds: numberFromEnv("WEBHOOK_RETRY_DELAY_SECONDS", 30, 1),
    from: process.env.ALERTS_FROM?.trim() || "Vigie <alerts@vigie.local>",
    smtpUrl: process.env.SMTP_URL?.trim() || null,
    appUrl: (process.env.NEXTAUTH_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, ""),
  };
}
