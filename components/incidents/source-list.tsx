/** Every source of an incident, its text with the evidence sentences highlighted. */
import { useTranslations } from "next-intl";
import { HighlightedText } from "@/components/evidence/highlighted-text";
import { useFormat } from "@/components/ui/use-format";
import type { IncidentDetail } from "@/lib/incidents/types";
import { httpLink } from "@/lib/net/http-link";

export function SourceList({ sources }: { sources: IncidentDetail["sources"] }) {
  const t = useTranslations("sourceList");
  const tField = useTranslations("evidenceField");
  const format = useFormat();
  if (!sources.length) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ol className="space-y-4">
      {sources.map((source) => (
        <li key={source.id} className="rounded-md border border-slate-200">
          <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-b border-slate-100 bg-slate-50 px-3 py-2 text-sm">
            <a href={`/sources/${source.id}`} className="font-medium text-brand-700 hover:underline">
              {source.title ?? t("untitled", { id: source.id })}
            </a>
            <span className="text-slate-600">{[source.publisher, source.publishedAt ? format.day(source.publishedAt) : null, source.language?.toUpperCase()].filter(Boolean).join(" · ")}</span>
            {source.fatalities !== null ? <span className="text-slate-600">{t("reports", { count: format.number(source.fatalities) })}</span> : null}
            {httpLink(source.url) ? (
              <a href={httpLink(source.url)} rel="noreferrer noopener" target="_blank" className="ml-auto truncate text-xs text-slate-600 hover:underline">
                {source.url}
              </a>
            ) : source.url ? (
              <span className="ml-auto truncate text-xs text-slate-600">{source.url}</span>
            ) : null}
          </header>
          <div className="px-3 py-2">
            {source.evidence.length ? (
              <p className="mb-1 text-xs text-slate-600">
                {t("evidenceFor", { fields: [...new Set(source.evidence.map((item) => item.field))].map((field) => (tField.has(field as never) ? tField(field as never) : field)).join(", ") })}
              </p>
            ) : null}
            <HighlightedText text={source.text} spans={source.evidence} className="max-h-96 overflow-y-auto" scrollLabel={t("textOf", { title: source.title ?? t("untitled", { id: source.id }) })} />
          </div>
        </li>
      ))}
    </ol>
  );
}
