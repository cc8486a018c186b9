"use client";

/**
 * The four actions on one queued place name: accept a candidate, place it by a position clicked on the map
 * (or typed) with its region and district, mark it as an alias of a known place, or reject it. Each is one
 * call to POST /api/places/:id/resolve, the same API scripts use.
 */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { PositionPicker } from "@/components/map/position-picker";
import { Button } from "@/components/ui/button";
import type { PlaceNameRow } from "@/lib/places/queries";

type Props = { row: PlaceNameRow; admin1Options: string[]; onDone: (message: string) => void };

const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-xs focus:border-brand-500 focus:outline-none";

export function ResolvePanel({ row, admin1Options, onDone }: Props) {
  const t = useTranslations("places");
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [admin1, setAdmin1] = useState(row.admin1 ?? "");
  const [admin2, setAdmin2] = useState(row.admin2 ?? "");
  const [aliasOf, setAliasOf] = useState<string>("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(body: unknown, done: "placed" | "rejected" | "aliased") {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/places/${row.id}/resolve`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = await response.json().catch(() => null);
      if (!response.ok) {
        setError(json?.message ?? t("serverAnswered", { status: response.status }));
        return;
      }
      onDone(t(done, { name: row.name, count: json.incidentsChanged }));
    } catch {
      setError(t("unreachable"));
    } finally {
      setBusy(false);
    }
  }

  const aliasCandidates = row.candidates.filter((candidate) => candidate.placeId !== null);
  return (
    <section aria-label={t("resolve", { name: row.name })} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
      <header>
        <h2 className="text-base font-semibold text-slate-900">{row.name}</h2>
        <p className="text-xs text-slate-600">
          {row.country}
          {row.admin1 ? ` · ${row.admin1}` : ""}
          {row.admin2 ? ` · ${row.admin2}` : ""} · {t("incidentCount", { count: row.incidentCount })}
        </p>
        {row.examples.map((example) => (
          <blockquote key={example} className="mt-1 border-l-2 border-slate-200 pl-2 text-xs italic text-slate-600">
            {example}
          </blockquote>
        ))}
      </header>

      <PositionPicker
        value={position}
        markers={row.candidates.map((candidate) => ({ latitude: candidate.latitude, longitude: candidate.longitude, label: candidate.name }))}
        onPick={setPosition}
      />
      <div className="grid grid-cols-2 gap-2 text-sm">
        <label className="space-y-0.5">
          <span className="text-xs text-slate-600">{t("latitude")}</span>
          <input className={input} name="latitude" inputMode="decimal" value={position?.latitude ?? ""} onChange={(event) => setPosition({ latitude: Number(event.target.value), longitude: position?.longitude ?? 0 })} />
        </label>
        <label className="space-y-0.5">
          <span className="text-xs text-slate-600">{t("longitude")}</span>
          <input className={input} name="longitude" inputMode="decimal" value={position?.longitude ?? ""} onChange={(event) => setPosition({ latitude: position?.latitude ?? 0, longitude: Number(event.target.value) })} />
        </label>
        <label className="space-y-0.5">
          <span className="text-xs text-slate-600">{t("admin1")}</span>
          <select className={input} name="admin1" value={admin1} onChange={(event) => setAdmin1(event.target.value)}>
            <option value="">{t("choose")}</option>
            {admin1Options.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <label className="space-y-0.5">
          <span className="text-xs text-slate-600">{t("admin2")}</span>
          <input className={input} name="admin2" value={admin2} onChange={(event) => setAdmin2(event.target.value)} />
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={busy || !position || !admin1} onClick={() => send({ ...position, admin1, admin2: admin2 || null }, "placed")}>
          {t("placeHere")}
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => send({ reject: true }, "rejected")}>
          {t("notAPlace")}
        </Button>
      </div>
      {aliasCandidates.length ? (
        <div className="flex flex-wrap items-end gap-2 text-sm">
          <label className="space-y-0.5">
            <span className="text-xs text-slate-600">{t("aliasOf")}</span>
            <select className={input} value={aliasOf} onChange={(event) => setAliasOf(event.target.value)}>
              <option value="">{t("choose")}</option>
              {aliasCandidates.map((candidate) => (
                <option key={candidate.placeId} value={candidate.placeId!}>
                  {candidate.name} ({[candidate.admin2, candidate.admin1].filter(Boolean).join(", ")})
                </option>
              ))}
            </select>
          </label>
          <Button disabled={busy || !aliasOf} onClick={() => send({ placeId: Number(aliasOf) }, "aliased")}>
            {t("markAlias")}
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
