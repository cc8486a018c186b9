/** Times of the Feeds page in words, relative to the moment the page was rendered. */
export function relativeTime(iso: string | null, now: number): string {
  if (!iso) return "never";
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  const unit = abs < 60_000 ? "under a minute" : abs < 3_600_000 ? `${Math.round(abs / 60_000)} min` : abs < 86_400_000 ? `${Math.round(abs / 3_600_000)} h` : `${Math.round(abs / 86_400_000)} d`;
  if (abs < 60_000) return diff >= 0 ? "in under a minute" : "just now";
  return diff >= 0 ? `in ${unit}` : `${unit} ago`;
}

export function intervalLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

export const INTERVAL_CHOICES = [1, 5, 15, 30, 60, 180, 360, 1440];
