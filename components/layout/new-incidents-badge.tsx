"use client";

/**
 * "12 new" in the header: incidents that arrived since the user last opened the incidents list. Asked
 * again on every navigation and every minute, since the layout itself is not re-rendered on navigation.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

type Arrivals = { count: number; capped: boolean; since: string | null };

const REFRESH_MS = 60_000;

export function NewIncidentsBadge() {
  const pathname = usePathname();
  const t = useTranslations("header");
  const [arrivals, setArrivals] = useState<Arrivals | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetch("/api/incidents/arrivals", { cache: "no-store" })
        .then((response) => (response.ok ? (response.json() as Promise<Arrivals>) : null))
        .then((value) => !cancelled && setArrivals(value))
        .catch(() => {});
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [pathname]);
  if (!arrivals?.count || !arrivals.since) return null;
  const label = t("newIncidents", { count: arrivals.count, capped: arrivals.capped ? "yes" : "no" });
  return (
    <Link
      href={`/incidents?since=${encodeURIComponent(arrivals.since)}`}
      data-testid="new-incidents"
      title={t("newIncidentsTitle")}
      className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-brand-700"
    >
      {label}
    </Link>
  );
}
