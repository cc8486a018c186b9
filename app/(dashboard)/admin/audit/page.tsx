import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAuditActions, listAuditEvents, parseAuditFilter, type AuditFilter } from "@/lib/audit/queries";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

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
  const [{ rows, total, page, pageCount }, actions, t, format] = await Promise.all([listAuditEvents(filter), listAuditActions(), getTranslations("audit"), getFormat()]);
  const filtered = Boolean(filter.action || filter.user || filter.from || filter.to);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AuditFilters actions={actions} values={filter} />
      {rows.length ? (
        <>
          <AuditTable
            rows={rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))}
          />
          <nav className="mt-3 flex items-center justify-between text-sm text-slate-600" aria-label={t("pages")}>
            <span>
              {t("events", { count: total, total: format.number(total), page, pages: pageCount })}
            </span>
            <span className="flex gap-2">
              {page > 1 ? (
                <Link className={buttonClass("secondary")} href={pageLink(filter, page - 1)}>
                  {t("newer")}
                </Link>
              ) : null}
              {page < pageCount ? (
                <Link className={buttonClass("secondary")} href={pageLink(filter, page + 1)}>
                  {t("older")}
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      ) : (
        <EmptyState title={filtered ? t("empty.filteredTitle") : t("empty.title")}>
          {filtered ? t("empty.filteredBody") : t("empty.body")}
        </EmptyState>
      )}
    </>
  );
}
