import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { SourcesTable } from "@/components/sources/sources-table";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LinkPager } from "@/components/data-table/link-pager";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listSources } from "@/lib/ingest/sources";

export async function generateMetadata() {
  return { title: (await getTranslations("sources"))("title") };
}

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(PAGE_ROLES["/sources"]);
  const params = await searchParams;
  const page = Math.max(1, Number.parseInt(String(params.page ?? "1"), 10) || 1);
  const q = typeof params.q === "string" && params.q.trim() ? params.q.trim().slice(0, 200) : undefined;
  const [{ rows, total, pageSize }, t, format] = await Promise.all([listSources({ page, q }), getTranslations("sources"), getFormat()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number) => `/sources?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { count: total, total: format.number(total) })}
        actions={user.role !== "viewer" ? <Link href="/ingest" className={buttonClass("primary")}>{t("ingest")}</Link> : null}
      />
      <form className="mb-3 flex gap-2" action="/sources">
        <input name="q" type="search" defaultValue={q} aria-label={t("searchLabel")} placeholder={t("searchPlaceholder")} className="w-80 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100" />
        <button className={buttonClass("secondary")}>{t("search")}</button>
      </form>
      {rows.length ? (
        <>
          <ClientMessages namespaces={["sources", "table"]}>
            <SourcesTable rows={rows.map((row) => ({
              id: row.id,
              title: row.title,
              url: row.url,
              publisher: row.publisher,
              publishedAt: row.publishedAt?.toISOString().slice(0, 10) ?? null,
              language: row.language,
              ingestedAt: row.ingestedAt.toISOString(),
              ingestedBy: row.ingestedBy?.name ?? row.ingestedBy?.email ?? t("cli"),
              incidents: row._count.incidents,
            }))} />
          </ClientMessages>
          <LinkPager
            label={t("pages")}
            summary={t("pageOf", { page: format.number(page), pages: format.number(pages) })}
            previous={page > 1 ? { href: link(page - 1), text: t("previous") } : null}
            next={page < pages ? { href: link(page + 1), text: t("next") } : null}
          />
        </>
      ) : (
        <EmptyState title={q ? t("empty.searchTitle") : t("empty.title")}>
          {q ? t("empty.searchBody") : t("empty.body")}
        </EmptyState>
      )}
    </>
  );
}
