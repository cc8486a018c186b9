import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { LocaleSwitch } from "./locale-switch";
import { NavLinks, type NavItem } from "./nav-links";
import { AlertsBell } from "./alerts-bell";
import { NewIncidentsBadge } from "./new-incidents-badge";

type Props = {
  user: { name: string | null; email: string; role: Role };
  items: NavItem[];
  signOut: React.ReactNode;
  children: React.ReactNode;
};

/** The frame of every signed-in page: a slim top bar with navigation and the account. */
export function AppShell({ user, items, signOut, children }: Props) {
  const t = useTranslations("roles");
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-4 px-4">
          <Link href="/overview" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-brand-700">
            <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-brand-500 ring-4 ring-brand-100" />
            Vigie
          </Link>
          <NavLinks items={items} />
          <NewIncidentsBadge />
          <div className="ml-auto flex shrink-0 items-center gap-3 whitespace-nowrap text-sm">
            <AlertsBell />
            <span className="hidden text-slate-600 sm:inline" title={user.email}>
              {user.name ?? user.email}
              <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium uppercase tracking-wide text-slate-600">
                {t(user.role)}
              </span>
            </span>
            <LocaleSwitch />
            {signOut}
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-5">{children}</main>
    </div>
  );
}
