import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCodeLabel, getFormat } from "@/lib/i18n/server";
import { HighlightedText } from "@/components/evidence/highlighted-text";
import { EventDate, StatusBadge } from "@/components/incidents/format";
import { PageHeader } from "@/components/ui/page-header";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser } from "@/lib/auth/guard";
import { findSource } from "@/lib/ingest/sources";
import { httpLink } from "@/lib/net/http-link";

export async function generateMetadata() {
  return { title: (await getTranslations("source"))("title") };
}

export default async function SourcePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ existing?: string }> }) {
  await requirePageUser(PAGE_ROLES["/sources/[id]"]);
  const { id } = await params;
  const { existing } = await searchParams;
  const sourceId = Number(id);
  if (!Number.isInteger(sourceId) || sourceId < 1) notFound();
  const source = await findSource(sourceId);
  if (!source) notFound();
  const spans = source.incidents.flatMap((link) => link.incident.evidence);
  const [t, format, label] = await Promise.all([getTranslations("source"), getFormat(), getCodeLabel()]);
  return (
    <>
      <PageHeader
        title={source.title ?? t("untitled")}
        description={[source.publisher, source.publishedAt ? format.day(source.publishedAt) : null, source.language?.toUpperCase(), t("ingested", { date: format.dateTime(source.ingestedAt) })].filter(Boolean).join(" · ")}
      />
      {existing ? (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {t("existing")}
        </p>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section className="space-y-2">
          <h2 className="text-sm font-semibold text-slate-800">{t("incidents", { count: source.incidents.length })}</h2>
          {source.incidents.map(({ incident, fatalities }) => (
            <Link key={incident.id} href={`/incidents/${incident.id}`} className="block rounded-md border border-slate-200 bg-white p-3 text-sm shadow-xs hover:border-brand-500">
              <div className="flex items-baseline gap-2">
                <span className="font-medium text-slate-900">{label("eventType", incident.eventType)}</span>
                <span className="text-slate-600">{label("subEventType", incident.subEventType)}</span>
                <span className="ml-auto tabular-nums text-slate-600">
                  <EventDate eventDate={incident.eventDate.toISOString().slice(0, 10)} precision={incident.datePrecision} />
                </span>
              </div>
              <p className="mt-1 text-slate-700">{incident.summary}</p>
              <p className="mt-1 text-xs text-slate-600">
                {[incident.location, incident.admin1, label("country", incident.country)].filter(Boolean).join(", ")} · {incident.actorNames || t("noActor")} ·{" "}
                {t("fatalities", { count: fatalities === null ? t("unknown") : format.number(fatalities) })} · <StatusBadge status={incident.status} />
              </p>
            </Link>
          ))}
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
          <h2 className="mb-2 text-sm font-semibold text-slate-800">{t("text")}</h2>
          {source.url ? (
            <p className="mb-2 truncate text-xs">
              {httpLink(source.url) ? <a href={httpLink(source.url)} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 hover:underline">{source.url}</a> : source.url}
            </p>
          ) : null}
          <HighlightedText text={source.text} spans={spans} />
        </section>
      </div>
    </>
  );
}
