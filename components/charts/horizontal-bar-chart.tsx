"use client";

/**
 * Ranked horizontal bars (regions, actors, sub-types): the label on the left, readable at any length,
 * one bar per row. A clickable row adds its value to the filter; rows like "Other" are not clickable.
 */
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { BAR_COLOR } from "./colors";
import { truncate } from "./format";

export type BarRow = { key: string; label: string; value: number; color?: string; selectable: boolean; detail?: string };

type Props = { rows: BarRow[]; valueLabel: string; onSelect: (row: BarRow) => void; labelWidth?: number };

const ROW_HEIGHT = 24;

/** The chart's height for this many rows (also the size of its placeholder before it is drawn). */
export function barsHeight(rows: number): number {
  return Math.max(80, rows * ROW_HEIGHT + 36);
}

function RowTooltip({ active, payload, valueLabel }: { active?: boolean; payload?: { payload: BarRow }[]; valueLabel: string }) {
  const t = useTranslations("charts");
  const format = useFormat();
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs shadow-md">
      <p className="font-medium text-slate-900">{row.label}</p>
      <p className="text-slate-600">
        {format.number(row.value)} {valueLabel}
      </p>
      {row.detail ? <p className="text-slate-600">{row.detail}</p> : null}
      {row.selectable ? <p className="mt-0.5 text-brand-700">{t("clickToFilter")}</p> : null}
    </div>
  );
}

/**
 * A row's label on one line, cut to what fits the axis (recharts would wrap a long label onto the next
 * row: French names are long); the full name stays in the tooltip, the table and a hover title.
 */
function AxisLabel({ x = 0, y = 0, payload, maxChars }: { x?: number; y?: number; payload?: { value: string }; maxChars: number }) {
  const full = payload?.value ?? "";
  const shown = truncate(full, maxChars);
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={11} fill="#334155">
      {shown !== full ? <title>{full}</title> : null}
      {shown}
    </text>
  );
}

export function HorizontalBarChart({ rows, valueLabel, onSelect, labelWidth = 170 }: Props) {
  const format = useFormat();
  const height = barsHeight(rows.length);
  return (
    <BarChart
      responsive
      style={{ width: "100%", height }}
      data={rows}
      layout="vertical"
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      accessibilityLayer
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" tickFormatter={format.number} tick={{ fontSize: 11, fill: "#64748b" }} allowDecimals={false} />
      <YAxis
        type="category"
        dataKey="label"
        width={labelWidth}
        interval={0}
        tick={<AxisLabel maxChars={Math.floor((labelWidth - 12) / 6.6)} />}
      />
      <Tooltip cursor={{ fill: "#f1f5f9" }} content={<RowTooltip valueLabel={valueLabel} />} />
      <Bar dataKey="value" name={valueLabel} isAnimationActive={false} onClick={(item) => item.payload?.selectable && onSelect(item.payload as BarRow)}>
        {rows.map((row) => (
          <Cell key={row.key} fill={row.color ?? BAR_COLOR} cursor={row.selectable ? "pointer" : "default"} fillOpacity={row.selectable ? 1 : 0.45} />
        ))}
      </Bar>
    </BarChart>
  );
}
