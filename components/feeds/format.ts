/** Times of the Feeds page in words, relative to the moment the page was rendered, in the page's language. */
import { useTranslations } from "next-intl";

export type FeedWords = ReturnType<typeof useFeedWords>;

/** The words relativeTime and intervalLabel need, from the "feeds" messages. */
export function useFeedWords() {
  const t = useTranslations("feeds");
  return {
    never: t("never"),
    justNow: t("justNow"),
    soon: t("soon"),
    inTime: (time: string) => t("inTime", { time }),
    timeAgo: (time: string) => t("timeAgo", { time }),
    minutes: (n: number) => t("minutes", { n }),
    hours: (n: number) => t("hours", { n }),
    days: (n: number) => t("days", { n }),
  };
}

export function relativeTime(iso: string | null, now: number, words: FeedWords): string {
  if (!iso) return words.never;
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  if (abs < 60_000) return diff >= 0 ? words.soon : words.justNow;
  const unit = abs < 3_600_000 ? words.minutes(Math.round(abs / 60_000)) : abs < 86_400_000 ? words.hours(Math.round(abs / 3_600_000)) : words.days(Math.round(abs / 86_400_000));
  return diff >= 0 ? words.inTime(unit) : words.timeAgo(unit);
}

export function intervalLabel(minutes: number, words: FeedWords): string {
  if (minutes < 60) return words.minutes(minutes);
  if (minutes % 1440 === 0) return words.days(minutes / 1440);
  return minutes % 60 === 0 ? words.hours(minutes / 60) : words.minutes(minutes);
}

export const INTERVAL_CHOICES = [1, 5, 15, 30, 60, 180, 360, 1440];
