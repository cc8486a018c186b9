"use client";

/**
 * The frame of every overview chart: title, a link to the rows behind it, an SVG download of what is
 * drawn, and the numbers as a table for screen readers and for copying (in a <details>).
 *
 * The chart itself is drawn in the browser only: on the server it is a placeholder of about its size.
 * Server-rendering every bar, cell and map point as SVG made the overview the costliest page of the load
 * test (over 100 ms of server CPU each, half a megabyte of HTML), for a picture that is not interactive
 * until the browser has run the same code anyway.
 */
import Link from "next/link";
import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { useHydrated } from "@/components/ui/use-hydrated";

export type DataTable = { caption: string; columns: string[]; rows: (string | number)[][] };

type Props = {
  title: string;
  subtitle?: ReactNode;
  tableHref: string;
  data: DataTable;
  /** Controls next to the title (e.g. the week/month switch). */
  controls?: ReactNode;
  /** Height of the placeholder shown until the chart is drawn (CSS length), so nothing jumps. */
  placeholderHeight?: string;
  children: ReactNode;
  className?: string;
  testId?: string;
};

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/(^-|-$)/g, "");
}

/**
 * Serializes the chart's own <svg> (recharts' surface or the map) into a standalone file: explicit size,
 * the XML namespace and a font, because outside the page neither CSS nor the container's size applies.
 */
export function downloadSvg(container: HTMLElement | null, name: string): void {
  // The chart's own surface, not the little svg icons of a recharts legend.
  const svg = container?.querySelector<SVGSVGElement>("svg[data-chart-svg]") ?? container?.querySelector<SVGSVGElement>(".recharts-wrapper > svg");
  if (!svg) return;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.getBoundingClientRect();
  // recharts draws its legend in HTML next to the <svg>: copy it in as SVG so the colours keep their meaning.
  const legend = [...(container?.querySelectorAll<HTMLElement>(".recharts-legend-item") ?? [])].map((item) => ({
    label: item.textContent ?? "",
    color: item.querySelector("path")?.getAttribute("fill") ?? item.querySelector("path")?.getAttribute("stroke") ?? "#64748b",
  }));
  const legendHeight = legend.length ? 22 : 0;
  if (legend.length) {
    const group = document.createElementNS("http://www.w3.org/2000/svg", "g");
    group.setAttribute("transform", `translate(8, ${Math.round(box.height) + 6})`);
    let x = 0;
    for (const entry of legend) {
      group.insertAdjacentHTML("beforeend", `<rect x="${x}" y="0" width="10" height="10" fill="${entry.color}"/>`);
      const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
      text.setAttribute("x", String(x + 14));
      text.setAttribute("y", "9");
      text.setAttribute("font-size", "11");
      text.setAttribute("fill", "#334155");
      text.textContent = entry.label;
      group.append(text);
      x += 24 + entry.label.length * 6.2;
    }
    clone.append(group);
  }
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(Math.round(box.width)));
  clone.setAttribute("height", String(Math.round(box.height) + legendHeight));
  if (legend.length) {
    const view = svg.viewBox.baseVal;
    clone.setAttribute("viewBox", `${view.x} ${view.y} ${view.width || box.width} ${(view.height || box.height) + legendHeight}`);
  }
  clone.setAttribute("style", "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 12px; background: #fff");
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#fff");
  clone.insertBefore(background, clone.firstChild);
  const blob = new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`], { type: "image/svg+xml" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `vigie-${slug(name)}.svg`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartCard({ title, subtitle, tableHref, data, controls, children, className = "", testId, placeholderHeight = "18rem" }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const t = useTranslations("charts");
  const hydrated = useHydrated();
  // The table is built when first opened: some charts have hundreds of rows, which every overview render
  // would otherwise send as HTML and data although few readers open it.
  const [tableShown, setTableShown] = useState(false);
  return (
    <section className={`flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-xs ${className}`} aria-label={title} data-testid={testId}>
      <header className="mb-2 flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {subtitle ? <p className="mt-0.5 text-xs text-slate-600">{subtitle}</p> : null}
        </div>
        {controls}
        <div className="flex items-center gap-1 text-xs">
          <Link href={tableHref} className="rounded px-1.5 py-1 font-medium text-brand-700 hover:bg-brand-50 hover:text-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
            {t("viewInTable")}
          </Link>
          <button
            type="button"
            onClick={() => downloadSvg(body.current, title)}
            className="rounded px-1.5 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            title={t("downloadSvg", { title })}
          >
            SVG
          </button>
        </div>
      </header>
      <div ref={body} className="min-h-0 flex-1">
        {hydrated ? children : <div aria-hidden className="animate-pulse rounded-md bg-slate-50" style={{ height: placeholderHeight }} />}
      </div>
      <details className="mt-2 text-xs text-slate-600" onToggle={(event) => event.currentTarget.open && setTableShown(true)}>
        <summary className="cursor-pointer select-none text-slate-600 hover:text-slate-800">{t("numbersTable")}</summary>
        {tableShown ? <NumbersTable data={data} /> : null}
      </details>
    </section>
  );
}

function NumbersTable({ data }: { data: DataTable }) {
  const format = useFormat();
  return (
    <div className="mt-2 max-h-72 overflow-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" tabIndex={0} role="region" aria-label={data.caption}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{data.caption}</caption>
        <thead>
          <tr>
            {data.columns.map((column, index) => (
              <th key={column} scope="col" className={`border-b border-slate-200 px-2 py-1 font-medium text-slate-700 ${index > 0 ? "text-right" : ""}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, rowIndex) => (
            <tr key={rowIndex} className="odd:bg-slate-50">
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row" className="px-2 py-0.5 font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="px-2 py-0.5 text-right tabular-nums">
                    {typeof cell === "number" ? format.number(cell) : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
