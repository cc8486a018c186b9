import { useTranslations } from "next-intl";

/**
 * A source's text with evidence spans marked. Overlapping spans (one sentence supporting several fields)
 * are merged into one mark whose title lists every field it supports.
 */
export type EvidenceSpan = { start: number; end: number; field: string };

type Segment = { text: string; fields: string[] };

export function segmentText(text: string, spans: EvidenceSpan[]): Segment[] {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const fields = [...new Set(valid.filter((span) => span.start <= start && span.end >= end).map((span) => span.field))];
    const previous = segments.at(-1);
    if (previous && previous.fields.join() === fields.join()) previous.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), fields });
  }
  return segments;
}

/** Scraped pages often carry runs of blank lines; showing at most one keeps the text readable. */
function tidy(segments: Segment[]): Segment[] {
  return segments.map((segment) => ({ ...segment, text: segment.text.replace(/\n[ \t]*(?:\n[ \t]*){2,}/g, "\n\n") }));
}

/** With `scrollLabel`, the text is a focusable, named region, so keyboard users can scroll a long source. */
export function HighlightedText({ text, spans, className = "", scrollLabel }: { text: string; spans: EvidenceSpan[]; className?: string; scrollLabel?: string }) {
  const t = useTranslations("sourceList");
  const tField = useTranslations("evidenceField");
  const fieldName = (field: string) => (tField.has(field as never) ? tField(field as never) : field);
  return (
    <div
      className={`whitespace-pre-wrap break-words text-sm leading-6 text-slate-700 ${scrollLabel ? "rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" : ""} ${className}`}
      {...(scrollLabel ? { tabIndex: 0, role: "region", "aria-label": scrollLabel } : {})}
    >
      {tidy(segmentText(text, spans)).map((segment, index) =>
        segment.fields.length ? (
          <mark key={index} className="evidence" title={t("evidenceFor", { fields: segment.fields.map(fieldName).join(", ") })}>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
