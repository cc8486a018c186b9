import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { SourcesTable } from "@/components/sources/sources-table";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listSources } from "@/lib/ingest/sources";

export const metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(PAGE_ROLES["/sources"]);
  const params = await searchParams;
  const page = Math.max(1, Number.parseInt(String(params.page ?? "1"), 10) || 1);
  const q = typeof params.q === "string" && params.q.trim() ? params.q.trim().slice(0, 200) : undefined;
  const { rows, total, pageSize } = await listSources({ page, q });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (target: number) => `/sources?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
  return (
    <>
      <PageHeader
        title="Sources"
        description={`${total.toLocaleString("en")} ingested article${total === 1 ? "" : "s"} and feed entries`}
        actions={user.role !== "viewer" ? <Link href="/ingest" className={buttonClass("primary")}>Ingest an article</Link> : null}
      />
      <form className="mb-3 flex gap-2" action="/sources">
        <input name="q" defaultValue={q} placeholder="Search title, URL or publisher" className="w-80 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none" />
        <button className={buttonClass("secondary")}>Search</button>
      </form>
      {rows.length ? (
        <>
          <SourcesTable rows={rows.map((row) => ({
            id: row.id,
            title: row.title,
            url: row.url,
            publisher: row.publisher,
            publishedAt: row.publishedAt?.toISOString().slice(0, 10) ?? null,
            language: row.language,
            ingestedAt: row.ingestedAt.toISOString(),
            ingestedBy: row.ingestedBy?.name ?? row.ingestedBy?.email ?? "CLI",
            incidents: row._count.incidents,
          }))} />
          <nav className="mt-3 flex items-center justify-between text-sm text-slate-600">
            <span>Page {page} of {pages}</span>
            <span className="flex gap-2">
              {page > 1 ? <Link className={buttonClass("secondary")} href={link(page - 1)}>Previous</Link> : null}
              {page < pages ? <Link className={buttonClass("secondary")} href={link(page + 1)}>Next</Link> : null}
            </span>
          </nav>
        </>
      ) : (
        <EmptyState title={q ? "No source matches this search" : "No source yet"}>
          {q ? "Try another word." : "Ingest an article or a feed to start."}
        </EmptyState>
      )}
    </>
  );
}
