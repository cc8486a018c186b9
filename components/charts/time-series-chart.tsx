"use client";

/**
 * Incidents (or known fatalities) per week or month, stacked by event type. Clicking a segment narrows
 * the filter to that period and event type.
 */
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { useFormat } from "@/components/ui/use-format";
import type { TimePoint } from "@/lib/incidents/stats-types";
import type { StatsBucket } from "@/lib/incidents/stats-shape";
import { eventTypeColor } from "./colors";
import { formatPeriod } from "./format";

type Metric = "incidents" | "fatalities";

type Props = {
  points: TimePoint[];
  eventTypes: string[];
  bucket: StatsBucket;
  onSelect: (period: string, eventType: string) => void;
};

type Row = { period: string; label: string; title: string; point: TimePoint } & Record<string, unknown>;

function PeriodTooltip({ active, payload, metric }: { active?: boolean; payload?: { payload: Row }[]; metric: Metric }) {
  const t = useTranslations("charts");
  const format = useFormat();
  const label = useCodeLabel();
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  const values = metric === "incidents" ? row.point.byType : row.point.fatalitiesByType;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs shadow-md">
      <p className="mb-1 font-medium text-slate-900">{row.title}</p>
      <p className="text-slate-700">
        {t("incidentsAndFatalities", { incidents: format.number(row.point.incidents), fatalities: format.number(row.point.fatalities) })}
        {row.point.fatalitiesUnknown ? <span className="text-slate-600"> {t("plusUnknown", { count: format.number(row.point.fatalitiesUnknown) })}</span> : null}
      </p>
      <ul className="mt-1 space-y-0.5">
        {Object.entries(values)
          .filter(([, value]) => value > 0)
          .map(([type, value]) => (
            <li key={type} className="flex items-center gap-1.5 text-slate-600">
              <span className="inline-block h-2 w-2 rounded-sm" style={{ background: eventTypeColor(type) }} />
              {t("namedValue", { name: label("eventType", type), value: format.number(value) })}
            </li>
          ))}
      </ul>
      <p className="mt-1 text-brand-700">{t("clickSegment")}</p>
    </div>
  );
}

export function TimeSeriesChart({ points, eventTypes, bucket, onSelect }: Props) {
  const [metric, setMetric] = useState<Metric>("incidents");
  const t = useTranslations("charts");
  const format = useFormat();
  const label = useCodeLabel();
  const rows: Row[] = points.map((point) => ({
    period: point.period,
    label: formatPeriod(point.period, bucket, format),
    title: bucket === "week" ? t("weekOf", { date: format.dayMonth(point.period, true) }) : format.month(point.period),
    point,
    ...(metric === "incidents" ? point.byType : point.fatalitiesByType),
  }));
  return (
    <div>
      <div className="mb-1 flex justify-end">
        <div role="group" aria-label={t("measure")} className="inline-flex rounded-md border border-slate-200 p-0.5 text-xs">
          {(["incidents", "fatalities"] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={metric === value}
              onClick={() => setMetric(value)}
              className={`rounded px-2 py-0.5 ${metric === value ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {t(`metric.${value}`)}
            </button>
          ))}
        </div>
      </div>
      <BarChart responsive style={{ width: "100%", height: 300 }} data={rows} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} minTickGap={24} />
        <YAxis tickFormatter={format.number} tick={{ fontSize: 11, fill: "#64748b" }} allowDecimals={false} width={56} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} content={<PeriodTooltip metric={metric} />} />
        <Legend wrapperStyle={{ fontSize: 11 }} iconSize={9} />
        {eventTypes.map((type) => (
          <Bar
            key={type}
            dataKey={type}
            name={label("eventType", type)}
            stackId="types"
            maxBarSize={56}
            fill={eventTypeColor(type)}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(item) => onSelect((item.payload as Row).period, type)}
          />
        ))}
      </BarChart>
      {metric === "fatalities" ? (
        <p className="text-xs text-slate-600">{t("knownOnly")}</p>
      ) : null}
    </div>
  );
}
