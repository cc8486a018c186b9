import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LinkPager } from "@/components/data-table/link-pager";
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
          <ClientMessages namespaces={["audit", "table"]}>
            <AuditTable rows={rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))} />
          </ClientMessages>
          <LinkPager
            label={t("pages")}
            summary={t("events", { count: total, total: format.number(total), page, pages: pageCount })}
            previous={page > 1 ? { href: pageLink(filter, page - 1), text: t("newer") } : null}
            next={page < pageCount ? { href: pageLink(filter, page + 1), text: t("older") } : null}
          />
        </>
      ) : (
        <EmptyState title={filtered ? t("empty.filteredTitle") : t("empty.title")}>
          {filtered ? t("empty.filteredBody") : t("empty.body")}
        </EmptyState>
      )}
    </>
  );
}
