import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PAGE_ROLES } from "@/lib/auth/access";
import { requirePageUser, hasRole } from "@/lib/auth/guard";
import { findIncident, findMergeCandidates } from "@/lib/incidents/queries";
import { ACTOR_TYPES } from "@/lib/incidents/taxonomy";
import { PageHeader } from "@/components/ui/page-header";
import { IncidentEditForm } from "@/components/incidents/incident-edit-form";
import { ReviewActions } from "@/components/incidents/review-actions";
import { MergePanel } from "@/components/incidents/merge-panel";
import { SourceList } from "@/components/incidents/source-list";
import { AuditHistory } from "@/components/incidents/audit-history";
import { formatEventDate, formatFatalities, StatusBadge } from "@/components/incidents/format";
import { mergeAction, setStatusAction, unmergeAction, updateIncidentAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Incident ${(await params).id}` };
}

function Section({ title, children, className = "" }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
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
  const candidates = canEdit && !incident.mergedIntoId ? await findMergeCandidates(id) : [];

  const facts: [string, React.ReactNode][] = [
    ["Date", `${formatEventDate(incident.eventDate, incident.datePrecision, incident.endDate)} (${incident.datePrecision} precision)`],
    ["Event", `${incident.eventType} · ${incident.subEventType}`],
    ["Place", [...new Set([incident.location, incident.admin2, incident.admin1, incident.country].filter(Boolean))].join(", ")],
    ["Region since 2023", incident.admin1Reform ?? "—"],
    ["Coordinates", incident.latitude !== null && incident.longitude !== null ? `${incident.latitude}, ${incident.longitude} (precision ${incident.geoPrecision})` : `— (precision ${incident.geoPrecision})`],
    ["Fatalities", formatFatalities(incident.fatalities)],
    ["Status", <StatusBadge key="status" status={incident.status} />],
    ["Version", `${incident.version} · updated ${incident.updatedAt.replace("T", " ").slice(0, 16)} UTC`],
  ];

  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/incidents" className="text-brand-700 hover:underline">
          ← Incidents
        </Link>
      </p>
      <PageHeader
        title={`Incident #${incident.id}`}
        description={incident.summary.length > 140 ? `${incident.summary.slice(0, 140)}…` : incident.summary}
        actions={canEdit && !incident.mergedIntoId ? <ReviewActions id={incident.id} version={incident.version} status={incident.status} action={setStatusAction} /> : null}
      />
      {incident.mergedIntoId ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This incident was merged into{" "}
          <Link href={`/incidents/${incident.mergedIntoId}`} className="font-medium underline">
            incident #{incident.mergedIntoId}
          </Link>{" "}
          and is hidden from lists; undo the merge there to restore it.
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Section title="Incident" className="lg:col-span-2">
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 whitespace-pre-wrap text-sm leading-6 text-slate-800">{incident.summary}</p>
        </Section>
        <Section title="Actors">
          {incident.actorLinks.length ? (
            <ul className="space-y-1.5 text-sm">
              {incident.actorLinks.map((actor) => (
                <li key={`${actor.id}-${actor.role}`} className="flex items-baseline gap-2">
                  <Link href={`/incidents?actor=${encodeURIComponent(actor.name)}`} className="font-medium text-brand-700 hover:underline">
                    {actor.name}
                  </Link>
                  <span className="text-xs text-slate-500">
                    {actor.role} · {ACTOR_TYPES[actor.type as keyof typeof ACTOR_TYPES] ?? actor.type}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{incident.actors || "No actor identified."}</p>
          )}
        </Section>
      </div>
      <Section title={`Sources (${incident.sources.length})`}>
        <SourceList sources={incident.sources} />
      </Section>
      <div className="grid gap-4 lg:grid-cols-3">
        {canEdit && !incident.mergedIntoId ? (
          <Section title="Edit" className="lg:col-span-2">
            <IncidentEditForm incident={incident} action={updateIncidentAction} />
          </Section>
        ) : null}
        <div className="space-y-4">
          <Section title="Merges">
            <MergePanel incident={incident} candidates={candidates} mergeAction={mergeAction} unmergeAction={unmergeAction} canEdit={canEdit && !incident.mergedIntoId} />
          </Section>
          <Section title="History">
            <AuditHistory history={incident.history} />
          </Section>
        </div>
      </div>
    </div>
  );
}
