import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PlacesQueue } from "@/components/places/places-queue";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { listAdmin1, listPlaceNames, PLACE_STATUSES, placeListSchema } from "@/lib/places/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("places"))("title") };
}

export default async function PlacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(PAGE_ROLES["/places"]);
  const params = await searchParams;
  const single = Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" && value ? [[key, value]] : [])));
  // A bad link shows the pending queue rather than an error page.
  const query = placeListSchema.safeParse(single).data ?? placeListSchema.parse({});
  const [{ rows, total }, t] = await Promise.all([listPlaceNames(query), getTranslations("places")]);
  const countries = [...new Set(rows.map((row) => row.country))];
  const admin1ByCountry = Object.fromEntries(await Promise.all(countries.map(async (country) => [country, await listAdmin1(country)] as const)));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/places/actors" className="text-sm text-brand-700 hover:underline">
            {t("actorsLink")}
          </Link>
        }
      />
      <nav aria-label={t("queue")} className="mb-3 flex flex-wrap items-center gap-1 text-sm">
        {PLACE_STATUSES.map((status) => (
          <Link
            key={status}
            href={`/places?status=${status}`}
            aria-current={query.status === status ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 ${query.status === status ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t(`status.${status}`)}
          </Link>
        ))}
        <form action="/places" className="ml-auto flex gap-2">
          <input type="hidden" name="status" value={query.status} />
          <input name="q" defaultValue={query.q} aria-label={t("search")} placeholder={t("search")} className="w-56 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm shadow-xs" />
        </form>
      </nav>
      <ClientMessages namespaces={["places", "table"]}>
        <PlacesQueue rows={rows} total={total} page={query.page} pageSize={query.pageSize} pending={query.status === "pending"} admin1ByCountry={admin1ByCountry} />
      </ClientMessages>
    </>
  );
}
