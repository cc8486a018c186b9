import Link from "next/link";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditActions, listAuditEvents, parseAuditFilter, type AuditFilter } from "@/lib/audit/queries";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata = { title: "Audit trail" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageLink(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["action", "user", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser(PAGE_ROLES["/admin/audit"]);
  const filter = parseAuditFilter(await searchParams);
  const [{ rows, total, page, pageCount }, actions] = await Promise.all([listAuditEvents(filter), listAuditActions()]);
  const filtered = Boolean(filter.action || filter.user || filter.from || filter.to);
  return (
    <>
      <PageHeader title="Audit trail" description="Sign-ins, ingests, incident changes, exports, user and token changes. Rows cannot be edited or deleted." />
      <AuditFilters actions={actions} values={filter} />
      {rows.length ? (
        <>
          <AuditTable
            rows={rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))}
          />
          <nav className="mt-3 flex items-center justify-between text-sm text-slate-600" aria-label="Pages">
            <span>
              {total.toLocaleString("en")} event{total === 1 ? "" : "s"} · page {page} of {pageCount}
            </span>
            <span className="flex gap-2">
              {page > 1 ? (
                <Link className={buttonClass("secondary")} href={pageLink(filter, page - 1)}>
                  Newer
                </Link>
              ) : null}
              {page < pageCount ? (
                <Link className={buttonClass("secondary")} href={pageLink(filter, page + 1)}>
                  Older
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      ) : (
        <EmptyState title={filtered ? "No event matches these filters" : "No event recorded yet"}>
          {filtered ? "Widen the dates or clear the filters." : "Sign-ins and changes will appear here."}
        </EmptyState>
      )}
    </>
  );
}
