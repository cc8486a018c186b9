"use client";

/**
 * The overview map: admin-1 regions of the Sahel countries shaded by incident count, precisely located
 * incidents (precision 1) as points. Incidents known only to a region or "near" a place are counted in
 * their region's shade and never drawn as a point, which would claim a precision they do not have.
 * Plain SVG from the committed boundaries (d3-geo for the projection): no tiles, no network.
 */
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { useFormat } from "@/components/ui/use-format";
import { totalsByShape, type RegionShape } from "@/lib/geo/boundaries";
import { colorForCount, countClasses } from "@/lib/geo/scale";
import type { MapPoint, MapRegion } from "@/lib/incidents/stats-types";
import { eventTypeColor } from "@/components/charts/colors";
import { COUNTRY_PATHS, MAP_HEIGHT as HEIGHT, MAP_WIDTH as WIDTH, projection, REGION_PATHS, roundCoordinate as round } from "./projection";

/** Why some regions are drawn inside others (lib/geo/names.ts CONTAINED_REGIONS), as message keys. */
const CONTAINMENT_NOTES = ["menaka", "taoudeni", "nouakchott"] as const;

type Props = {
  regions: MapRegion[];
  points: MapPoint[];
  pointsTotal: number;
  pointsTruncated: boolean;
  /** Whether clicking a shape can narrow the current filter (see narrowPatch). */
  canSelectRegion: (admin1Names: string[]) => boolean;
  /** Called with every incident admin1 value of the clicked shape (Gao → Gao and Menaka). */
  onSelectRegion: (admin1Names: string[]) => void;
};

export function SahelMap({ regions, points, pointsTotal, pointsTruncated, canSelectRegion, onSelectRegion }: Props) {
  const [hover, setHover] = useState<RegionShape | null>(null);
  const t = useTranslations("map");
  const formatCount = useFormat().number;
  const codeLabel = useCodeLabel();
  const { byShape, unplaced } = useMemo(() => totalsByShape(regions), [regions]);
  const max = Math.max(0, ...[...byShape.values()].map((totals) => totals.incidents));
  const classes = countClasses(max);
  const projected = useMemo(
    () =>
      points.flatMap((point) => {
        const xy = projection([point.longitude, point.latitude]);
        return xy ? [{ point, x: round(xy[0]), y: round(xy[1]) }] : [];
      }),
    [points],
  );
  const hovered = hover ? byShape.get(hover.properties.id) : undefined;

  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_220px]">
      <div className="relative">
        <svg
          data-chart-svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-auto w-full"
          role="group"
          aria-label={t("label")}
        >
          <rect width={WIDTH} height={HEIGHT} fill="#f8fafc" />
          <g>
            {REGION_PATHS.map(({ shape, d }) => {
              const totals = byShape.get(shape.properties.id);
              const incidents = totals?.incidents ?? 0;
              const label = t("regionLabel", { name: shape.properties.name, country: codeLabel("country", shape.properties.country), count: formatCount(incidents) });
              const selectable = incidents > 0 && canSelectRegion(shape.properties.admin1Names);
              return (
                <path
                  key={shape.properties.id}
                  d={d}
                  fill={colorForCount(incidents, classes)}
                  stroke={hover?.properties.id === shape.properties.id ? "#0f172a" : "#ffffff"}
                  strokeWidth={hover?.properties.id === shape.properties.id ? 1.6 : 0.7}
                  data-admin1={shape.properties.admin1}
                  data-incidents={incidents}
                  role={selectable ? "button" : undefined}
                  tabIndex={selectable ? 0 : undefined}
                  aria-label={selectable ? `${label}. ${t("filterOnRegion")}` : label}
                  className={`outline-none focus-visible:stroke-slate-900 focus-visible:[stroke-width:3] ${selectable ? "cursor-pointer" : ""}`}
                  onMouseEnter={() => setHover(shape)}
                  onMouseLeave={() => setHover(null)}
                  onFocus={() => setHover(shape)}
                  onBlur={() => setHover(null)}
                  onClick={() => selectable && onSelectRegion(shape.properties.admin1Names)}
                  onKeyDown={(event) => {
                    if (selectable && (event.key === "Enter" || event.key === " ")) {
                      event.preventDefault();
                      onSelectRegion(shape.properties.admin1Names);
                    }
                  }}
                >
                  <title>{label}</title>
                </path>
              );
            })}
          </g>
          <g fill="none" stroke="#475569" strokeWidth={1.2} pointerEvents="none">
            {COUNTRY_PATHS.map(({ shape, d }) => (
              <path key={shape.properties.countryCode} d={d} />
            ))}
          </g>
          <g pointerEvents="none">
            {projected.map(({ point, x, y }) => (
              <circle key={point.id} data-incident-id={point.id} cx={x} cy={y} r={2.2} fill={eventTypeColor(point.eventType)} fillOpacity={0.75} stroke="#ffffff" strokeWidth={0.3} />
            ))}
          </g>
          <g pointerEvents="none" fontSize={13} fontWeight={600} fill="#334155" textAnchor="middle" opacity={0.55}>
            {COUNTRY_PATHS.map(({ shape, centroid }) => (
              <text key={shape.properties.countryCode} x={centroid[0]} y={centroid[1]} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
                {codeLabel("country", shape.properties.country)}
              </text>
            ))}
          </g>
        </svg>
        <div className="pointer-events-none absolute left-2 top-2 min-w-44 rounded-md border border-slate-200 bg-white/95 px-2.5 py-1.5 text-xs shadow-sm" aria-live="polite">
          {hover ? (
            <>
              <p className="font-medium text-slate-900">
                {hover.properties.name} <span className="font-normal text-slate-600">· {codeLabel("country", hover.properties.country)}</span>
              </p>
              <p className="text-slate-700">
                {t("hoverFigures", { incidents: formatCount(hovered?.incidents ?? 0), fatalities: formatCount(hovered?.fatalities ?? 0) })}
              </p>
              {hovered?.fatalitiesUnknown ? <p className="text-slate-600">{t("hoverUnknown", { count: formatCount(hovered.fatalitiesUnknown) })}</p> : null}
              {hover.properties.admin1Names.length > 1 ? <p className="text-slate-600">{t("includes", { names: hover.properties.admin1Names.slice(1).join(", ") })}</p> : null}
              {(hovered?.incidents ?? 0) > 0 && canSelectRegion(hover.properties.admin1Names) ? <p className="text-brand-700">{t("clickRegion")}</p> : null}
            </>
          ) : (
            <p className="text-slate-600">{t("hoverHint")}</p>
          )}
        </div>
      </div>
      <div className="space-y-3 text-xs text-slate-600">
        <div>
          <p className="mb-1 font-medium text-slate-800">{t("legendTitle")}</p>
          {classes.length ? (
            <ul className="space-y-0.5" aria-label={t("legendLabel")}>
              {classes.map((item) => (
                <li key={item.max} className="flex items-center gap-2">
                  <span className="inline-block h-3 w-5 rounded-sm ring-1 ring-slate-200" style={{ background: item.color }} />
                  {item.min === item.max ? formatCount(item.max) : `${formatCount(item.min)}–${formatCount(item.max)}`}
                </li>
              ))}
              <li className="flex items-center gap-2">
                <span className="inline-block h-3 w-5 rounded-sm bg-slate-100 ring-1 ring-slate-200" />
                {t("none")}
              </li>
            </ul>
          ) : (
            <p>{t("noIncident")}</p>
          )}
        </div>
        <div>
          <p className="mb-1 font-medium text-slate-800">{t("points")}</p>
          <p>
            <span className="mr-1 inline-block h-2 w-2 rounded-full bg-slate-500 align-middle" />
            {t("pointsBody")}{" "}
            {pointsTruncated ? t("pointsTruncated", { shown: formatCount(points.length), total: formatCount(pointsTotal) }) : t("pointsDrawn", { n: points.length })}
          </p>
          <p className="mt-1">{t("lessPrecise")}</p>
        </div>
        <div>
          <p className="mb-1 font-medium text-slate-800">{t("notes")}</p>
          <ul className="list-disc space-y-0.5 pl-4">
            {CONTAINMENT_NOTES.map((note) => (
              <li key={note}>{t(`containment.${note}`)}</li>
            ))}
            {unplaced > 0 ? <li>{t("unplaced", { count: formatCount(unplaced) })}</li> : null}
            <li>{t("boundaries")}</li>
          </ul>
        </div>
      </div>
    </div>
  );
}
