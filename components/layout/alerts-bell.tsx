"use client";

/**
 * The bell in the header: unread alerts of the watches the user follows. Asked again on every navigation
 * and every 30 seconds (the layout is not re-rendered on navigation), and when the inbox changes it.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

const REFRESH_MS = 30_000;
export const ALERTS_CHANGED = "vigie:alerts-changed";

export function AlertsBell() {
  const pathname = usePathname();
  const t = useTranslations("header");
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetch("/api/alerts?unread=1", { cache: "no-store" })
        .then((response) => (response.ok ? (response.json() as Promise<{ unread: number }>) : null))
        .then((value) => !cancelled && value && setUnread(value.unread))
        .catch(() => {});
    void load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener(ALERTS_CHANGED, load);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener(ALERTS_CHANGED, load);
    };
  }, [pathname]);
  const label = unread ? t("unreadAlerts", { count: unread }) : t("alerts");
  return (
    <Link href="/alerts" data-testid="alerts-bell" aria-label={label} title={label} className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span data-testid="alerts-unread" className="absolute -right-1 -top-1 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-[1.1rem] text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
