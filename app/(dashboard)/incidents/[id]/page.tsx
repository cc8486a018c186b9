import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCodeLabel, getFormat } from "@/lib/i18n/server";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser, hasRole } from "@/lib/auth/guard";
import { findIncident, findMergeCandidates } from "@/lib/incidents/detail";
import { getActorOptions } from "@/lib/incidents/actor-links";
import { isLearnableActorName } from "@/lib/actors/corrections";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { IncidentEditForm } from "@/components/incidents/incident-edit-form";
import { ReviewActions } from "@/components/incidents/review-actions";
import { MergePanel } from "@/components/incidents/merge-panel";
import { SourceList } from "@/components/incidents/source-list";
import { AuditHistory } from "@/components/incidents/audit-history";
import { EventDate, StatusBadge } from "@/components/incidents/format";
import { mergeAction, setStatusAction, unmergeAction, updateIncidentAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await getTranslations("incident"))("title", { id: (await params).id }) };
}

function Section({ title, children, className = "" }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h2>
      {children}
    </section>
  );
}

export default async function IncidentPage({ params }: { params: Params }) {
  const user = await requirePageUser(PAGE_ROLES["/incidents/[id]"]);
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(id) || id < 1) notFound();
  const incident = await findIncident(id);
  if (!incident) notFound();
  const canEdit = hasRole(user.role, "analyst");
  const editable = canEdit && !incident.mergedIntoId;
  const [candidates, actorOptions] = editable ? await Promise.all([findMergeCandidates(id), getActorOptions(id)]) : [[], []];
  const learnableActorIds = incident.actorLinks.filter((link) => isLearnableActorName(link.name)).map((link) => link.id);
  const [t, format, label] = await Promise.all([getTranslations("incident"), getFormat(), getCodeLabel()]);

  const facts: [string, React.ReactNode][] = [
    [
      t("fact.date"),
      <span key="date">
        <EventDate eventDate={incident.eventDate} precision={incident.datePrecision} endDate={incident.endDate} /> ({t("precision", { precision: label("datePrecision", incident.datePrecision) })})
      </span>,
    ],
    [t("fact.event"), `${label("eventType", incident.eventType)} · ${label("subEventType", incident.subEventType)}`],
    [t("fact.place"), [...new Set([incident.location, incident.admin2, incident.admin1, label("country", incident.country)].filter(Boolean))].join(", ")],
    [t("fact.reform"), incident.admin1Reform ?? "—"],
    [
      t("fact.coordinates"),
      `${incident.latitude !== null && incident.longitude !== null ? `${incident.latitude}, ${incident.longitude}` : "—"} (${t("geoPrecision", { precision: incident.geoPrecision })})`,
    ],
    [t("fact.fatalities"), incident.fatalities === null ? t("unknownFatalities") : format.number(incident.fatalities)],
    [t("fact.status"), <StatusBadge key="status" status={incident.status} />],
    [t("fact.version"), t("version", { version: incident.version, updated: format.dateTime(incident.updatedAt) })],
  ];

  return (
    <ClientMessages namespaces={["review", "merge", "edit", "filters", "incidents"]}>
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/incidents" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("heading", { id: incident.id })}
        description={incident.summary.length > 140 ? `${incident.summary.slice(0, 140)}…` : incident.summary}
        actions={canEdit && !incident.mergedIntoId ? <ReviewActions id={incident.id} version={incident.version} status={incident.status} action={setStatusAction} /> : null}
      />
      {incident.mergedIntoId ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.rich("mergedInto", {
            id: incident.mergedIntoId,
            link: (chunks) => (
              <Link href={`/incidents/${incident.mergedIntoId}`} className="font-medium underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Section title={t("section.incident")} className="lg:col-span-2">
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 text-sm">
            {facts.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-slate-600">{name}</dt>
                <dd className="text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 whitespace-pre-wrap text-sm leading-6 text-slate-800">{incident.summary}</p>
        </Section>
        <Section title={t("section.actors")}>
          {incident.actorLinks.length ? (
            <ul className="space-y-1.5 text-sm">
              {incident.actorLinks.map((actor) => (
                <li key={`${actor.id}-${actor.role}`} className="flex items-baseline gap-2">
                  <Link href={`/incidents?actor=${encodeURIComponent(actor.name)}`} className="font-medium text-brand-700 hover:underline">
                    {actor.name}
                  </Link>
                  <span className="text-xs text-slate-600">
                    {label("actorRole", actor.role)} · {label("actorType", actor.type)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{incident.actors || t("noActor")}</p>
          )}
        </Section>
      </div>
      <Section title={t("section.sources", { count: incident.sources.length })}>
        <SourceList sources={incident.sources} />
      </Section>
      <div className="grid gap-4 lg:grid-cols-3">
        {canEdit && !incident.mergedIntoId ? (
          <Section title={t("section.edit")} className="lg:col-span-2">
            <IncidentEditForm incident={incident} action={updateIncidentAction} actorOptions={actorOptions} learnableActorIds={learnableActorIds} />
          </Section>
        ) : null}
        <div className="space-y-4">
          <Section title={t("section.merges")}>
            <MergePanel incident={incident} candidates={candidates} mergeAction={mergeAction} unmergeAction={unmergeAction} canEdit={canEdit && !incident.mergedIntoId} />
          </Section>
          <Section title={t("section.history")}>
            <AuditHistory history={incident.history} />
          </Section>
        </div>
      </div>
    </div>
    </ClientMessages>
  );
}
