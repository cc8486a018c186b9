"use client";

/**
 * A small map to click a position (the Places page): the committed boundaries in the overview's
 * projection, the candidates of a name as hollow markers, the chosen position as a filled one. Clicking
 * converts the screen point back to latitude and longitude through the same projection.
 */
import type { MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { COUNTRY_PATHS, MAP_HEIGHT, MAP_WIDTH, projection, REGION_PATHS, roundCoordinate } from "./projection";

export type PickerMarker = { latitude: number; longitude: number; label: string };

type Props = {
  value: { latitude: number; longitude: number } | null;
  markers: PickerMarker[];
  onPick: (position: { latitude: number; longitude: number }) => void;
};

const at = (latitude: number, longitude: number) => {
  const xy = projection([longitude, latitude]);
  return xy ? { x: roundCoordinate(xy[0]), y: roundCoordinate(xy[1]) } : null;
};

export function PositionPicker({ value, markers, onPick }: Props) {
  const t = useTranslations("places");
  const label = useCodeLabel();
  function pick(event: MouseEvent<SVGSVGElement>) {
    const svg = event.currentTarget;
    const matrix = svg.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const lonLat = projection.invert?.([point.x, point.y]);
    if (!lonLat) return;
    // Four decimals: about 10 m, finer than any source states a village's position.
    onPick({ latitude: Math.round(lonLat[1] * 1e4) / 1e4, longitude: Math.round(lonLat[0] * 1e4) / 1e4 });
  }
  const chosen = value ? at(value.latitude, value.longitude) : null;
  return (
    <svg
      data-testid="position-picker"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      className="h-auto w-full cursor-crosshair rounded-md border border-slate-200"
      role="img"
      aria-label={t("pickPosition")}
      onClick={pick}
    >
      <rect width={MAP_WIDTH} height={MAP_HEIGHT} fill="#f8fafc" />
      <g fill="#eef2f7" stroke="#ffffff" strokeWidth={0.7}>
        {REGION_PATHS.map(({ shape, d }) => (
          <path key={shape.properties.id} d={d}>
            <title>{`${shape.properties.name} (${label("country", shape.properties.country)})`}</title>
          </path>
        ))}
      </g>
      <g fill="none" stroke="#64748b" strokeWidth={1.2} pointerEvents="none">
        {COUNTRY_PATHS.map(({ shape, d }) => (
          <path key={shape.properties.countryCode} d={d} />
        ))}
      </g>
      <g pointerEvents="none">
        {markers.map((marker, index) => {
          const xy = at(marker.latitude, marker.longitude);
          return xy ? (
            <g key={index}>
              <circle cx={xy.x} cy={xy.y} r={5} fill="none" stroke="#2563eb" strokeWidth={1.5} />
              <text x={xy.x + 7} y={xy.y - 6} fontSize={12} fill="#1e3a8a" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
                {marker.label}
              </text>
            </g>
          ) : null;
        })}
        {chosen ? <circle data-testid="picked-position" cx={chosen.x} cy={chosen.y} r={6} fill="#dc2626" stroke="#ffffff" strokeWidth={1.5} /> : null}
      </g>
    </svg>
  );
}
