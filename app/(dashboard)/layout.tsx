import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AppShell } from "@/components/layout/app-shell";
import type { NavItem } from "@/components/layout/nav-links";
import { hasRole, requirePageUser, type Role } from "@/lib/auth/guard";
import type { Messages } from "@/lib/i18n/messages";

/** Adding a page to the navigation: one entry here, and its label under "nav" in both message files. */
const NAV: { href: string; key: Exclude<keyof Messages["nav"], "label">; minRole: Role }[] = [
  { href: "/overview", key: "overview", minRole: "viewer" },
  { href: "/incidents", key: "incidents", minRole: "viewer" },
  { href: "/sources", key: "sources", minRole: "viewer" },
  { href: "/feeds", key: "feeds", minRole: "viewer" },
  { href: "/alerts", key: "alerts", minRole: "viewer" },
  { href: "/watches", key: "watches", minRole: "viewer" },
  { href: "/ingest", key: "ingest", minRole: "analyst" },
  { href: "/places", key: "places", minRole: "analyst" },
  { href: "/admin/audit", key: "audit", minRole: "admin" },
  { href: "/admin/users", key: "users", minRole: "admin" },
  { href: "/admin/tokens", key: "allTokens", minRole: "admin" },
  { href: "/settings/tokens", key: "tokens", minRole: "viewer" },
];

/** The signed-in frame. Each page still calls the guard itself: a layout is not re-run on every navigation. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const t = await getTranslations("nav");
  const items: NavItem[] = NAV.filter((item) => hasRole(user.role, item.minRole)).map(({ href, key }) => ({ href, label: t(key) }));
  return (
    <AppShell user={user} items={items} signOut={<SignOutButton />}>
      {children}
    </AppShell>
  );
}
