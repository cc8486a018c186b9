"use client";

/**
 * Which groups act where: the most active actors (rows) × the regions with the most incidents
 * (columns), each cell shaded by the number of incidents involving that actor in that region. Drawn as
 * SVG so it downloads like the other charts; a cell click filters on both.
 */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { truncate } from "./format";
import { sequentialColor } from "@/lib/geo/scale";

type Cell = { actor: string; region: string; incidents: number };

type Props = {
  actors: string[];
  regions: string[];
  cells: Cell[];
  canSelect: (actor: string, region: string) => boolean;
  onSelect: (actor: string, region: string) => void;
};

const LABEL_WIDTH = 170;
const HEADER_HEIGHT = 86;
const CELL_WIDTH = 50;
const CELL_HEIGHT = 24;

/** The matrix's height for this many actors (also the size of its placeholder before it is drawn). */
export function matrixHeight(actors: number): number {
  return HEADER_HEIGHT + actors * CELL_HEIGHT + 4;
}

export function ActorRegionMatrix({ actors, regions, cells, canSelect, onSelect }: Props) {
  const [hover, setHover] = useState<Cell | null>(null);
  const t = useTranslations("charts");
  const format = useFormat();
  const value = new Map(cells.map((cell) => [`${cell.actor}\u0000${cell.region}`, cell.incidents]));
  const max = Math.max(1, ...cells.map((cell) => cell.incidents));
  const width = LABEL_WIDTH + regions.length * CELL_WIDTH + 8;
  const height = matrixHeight(actors.length);
  return (
    <div className="overflow-x-auto rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" tabIndex={0} role="region" aria-label={t("matrixLabel")}>
      <svg data-chart-svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("matrixLabel")} className="text-[11px]">
        {regions.map((region, column) => (
          <text
            key={region}
            transform={`translate(${LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH / 2 + 4}, ${HEADER_HEIGHT - 6}) rotate(-40)`}
            fill="#334155"
            fontSize={11}
          >
            {truncate(region, 16)}
          </text>
        ))}
        {actors.map((actor, row) => (
          <g key={actor} transform={`translate(0, ${HEADER_HEIGHT + row * CELL_HEIGHT})`}>
            <text x={LABEL_WIDTH - 8} y={CELL_HEIGHT / 2 + 4} textAnchor="end" fill="#334155" fontSize={11}>
              <title>{actor}</title>
              {truncate(actor, 27)}
            </text>
            {regions.map((region, column) => {
              const incidents = value.get(`${actor}\u0000${region}`) ?? 0;
              const fill = incidents ? sequentialColor(incidents / max) : "#f8fafc";
              const selectable = incidents > 0 && canSelect(actor, region);
              return (
                <g
                  key={region}
                  transform={`translate(${LABEL_WIDTH + column * CELL_WIDTH}, 0)`}
                  onClick={() => selectable && onSelect(actor, region)}
                  onMouseEnter={() => setHover({ actor, region, incidents })}
                  onMouseLeave={() => setHover(null)}
                  style={{ cursor: selectable ? "pointer" : "default" }}
                >
                  <rect width={CELL_WIDTH - 2} height={CELL_HEIGHT - 2} rx={2} fill={fill} stroke="#e2e8f0" strokeWidth={0.5} />
                  <text x={(CELL_WIDTH - 2) / 2} y={CELL_HEIGHT / 2 + 3} textAnchor="middle" fontSize={10} fill={incidents / max > 0.55 ? "#ffffff" : "#334155"}>
                    {incidents ? format.number(incidents) : ""}
                  </text>
                  <title>{t("cell", { actor, region, count: format.number(incidents) })}</title>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <p className="h-4 text-xs text-slate-600" aria-live="polite">
        {hover ? `${t("cell", { actor: hover.actor, region: hover.region, count: format.number(hover.incidents) })}${hover.incidents ? ` — ${t("clickToFilter")}` : ""}` : ""}
      </p>
    </div>
  );
}
