"use client";

/**
 * Downloads the current filter as CSV: all matching rows, in the table's order, with the visible columns
 * (or ACLED's layout). The BOM and ";" options are for French-locale Excel, which otherwise reads UTF-8 as
 * Latin-1 and expects semicolons.
 */
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Popover } from "./popover";

export function ExportButton({ query, columns, total }: { query: string; columns: string[]; total: string }) {
  const [bom, setBom] = useState(true);
  const [semicolon, setSemicolon] = useState(false);
  const [profile, setProfile] = useState<"vigie" | "acled">("vigie");
  const t = useTranslations("export");
  const locale = useLocale();
  // English codes and headers by default (machines read them); French labels only when asked for.
  const [french, setFrench] = useState(false);
  const params = new URLSearchParams(query);
  params.delete("page");
  params.delete("pageSize");
  params.delete("columns");
  if (profile === "acled") params.set("profile", "acled");
  else params.set("columns", columns.join(","));
  if (bom) params.set("bom", "1");
  if (semicolon) params.set("delimiter", ";");
  if (french) params.set("lang", "fr");
  const href = `/api/incidents/export?${params}`;
  return (
    <Popover label={t("button")} testId="export-menu">
      {(close) => (
        <div className="space-y-2">
          <p className="text-slate-600">{t("all", { total })}</p>
          <fieldset className="space-y-1">
            <legend className="sr-only">{t("columns")}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="profile" checked={profile === "vigie"} onChange={() => setProfile("vigie")} className="accent-brand-600" />
              {t("visible", { count: columns.length })}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="profile" checked={profile === "acled"} onChange={() => setProfile("acled")} className="accent-brand-600" />
              {t("acled")}
            </label>
          </fieldset>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="bom" checked={bom} onChange={(event) => setBom(event.target.checked)} className="accent-brand-600" />
            {t("bom")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="semicolon" checked={semicolon} onChange={(event) => setSemicolon(event.target.checked)} className="accent-brand-600" />
            {t("semicolons")}
          </label>
          {locale === "fr" ? (
            <label className="flex items-center gap-2">
              <input type="checkbox" name="lang" checked={french} onChange={(event) => setFrench(event.target.checked)} className="accent-brand-600" />
              {t("french")}
            </label>
          ) : null}
          <a href={href} download onClick={close} data-testid="export-download" className={buttonClass("primary", "w-full")}>
            {t("download")}
          </a>
        </div>
      )}
    </Popover>
  );
}
