import { SignOutButton } from "@/components/auth/sign-out-button";
import { AppShell } from "@/components/layout/app-shell";
import type { NavItem } from "@/components/layout/nav-links";
import { hasRole, requirePageUser, type Role } from "@/lib/auth/guard";

const NAV: (NavItem & { minRole: Role })[] = [
  { href: "/overview", label: "Overview", minRole: "viewer" },
  { href: "/incidents", label: "Incidents", minRole: "viewer" },
  { href: "/sources", label: "Sources", minRole: "viewer" },
  { href: "/feeds", label: "Feeds", minRole: "viewer" },
  { href: "/alerts", label: "Alerts", minRole: "viewer" },
  { href: "/watches", label: "Watches", minRole: "viewer" },
  { href: "/ingest", label: "Ingest", minRole: "analyst" },
  { href: "/places", label: "Places", minRole: "analyst" },
  { href: "/admin/audit", label: "Audit", minRole: "admin" },
  { href: "/admin/users", label: "Users", minRole: "admin" },
  { href: "/admin/tokens", label: "All tokens", minRole: "admin" },
  { href: "/settings/tokens", label: "Tokens", minRole: "viewer" },
];

/** The signed-in frame. Each page still calls the guard itself: a layout is not re-run on every navigation. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const items = NAV.filter((item) => hasRole(user.role, item.minRole)).map(({ href, label }) => ({ href, label }));
  return (
    <AppShell user={user} items={items} signOut={<SignOutButton />}>
      {children}
    </AppShell>
  );
}
