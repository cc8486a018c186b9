import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ActorsQueue } from "@/components/places/actors-queue";
import { PageHeader } from "@/components/ui/page-header";
import { ACTOR_STATUSES, actorListSchema, listActorNames } from "@/lib/actors/queue";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";

export async function generateMetadata() {
  return { title: (await getTranslations("actorsQueue"))("title") };
}

export default async function ActorsQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(PAGE_ROLES["/places/actors"]);
  const params = await searchParams;
  const single = Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" && value ? [[key, value]] : [])));
  const query = actorListSchema.safeParse(single).data ?? actorListSchema.parse({});
  const [{ rows, total }, t] = await Promise.all([listActorNames(query), getTranslations("actorsQueue")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/places" className="text-sm text-brand-700 hover:underline">
            {t("placesLink")}
          </Link>
        }
      />
      <nav aria-label={t("queue")} className="mb-3 flex flex-wrap gap-1 text-sm">
        {ACTOR_STATUSES.filter((status) => status !== "rejected").map((status) => (
          <Link
            key={status}
            href={`/places/actors?status=${status}`}
            aria-current={query.status === status ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 ${query.status === status ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t(`status.${status}`)}
          </Link>
        ))}
      </nav>
      <ClientMessages namespaces={["actorsQueue", "table"]}>
        <ActorsQueue rows={rows} total={total} page={query.page} pageSize={query.pageSize} pending={query.status === "pending"} />
      </ClientMessages>
    </>
  );
}
