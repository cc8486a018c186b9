"use client";

/**
 * Downloads the current filter as CSV: all matching rows, in the table's order, with the visible columns
 * (or ACLED's layout). The BOM and ";" options are for French-locale Excel, which otherwise reads UTF-8 as
 * Latin-1 and expects semicolons.
 */
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Popover } from "./popover";

export function ExportButton({ query, columns, total }: { query: string; columns: string[]; total: string }) {
  const [bom, setBom] = useState(true);
  const [semicolon, setSemicolon] = useState(false);
  const [profile, setProfile] = useState<"vigie" | "acled">("vigie");
  const params = new URLSearchParams(query);
  params.delete("page");
  params.delete("pageSize");
  params.delete("columns");
  if (profile === "acled") params.set("profile", "acled");
  else params.set("columns", columns.join(","));
  if (bom) params.set("bom", "1");
  if (semicolon) params.set("delimiter", ";");
  const href = `/api/incidents/export?${params}`;
  return (
    <Popover label="Export CSV" testId="export-menu">
      {(close) => (
        <div className="space-y-2">
          <p className="text-slate-600">All {total} incidents of this view, in this order.</p>
          <fieldset className="space-y-1">
            <legend className="sr-only">Columns</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="profile" checked={profile === "vigie"} onChange={() => setProfile("vigie")} className="accent-brand-600" />
              Visible columns ({columns.length})
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="profile" checked={profile === "acled"} onChange={() => setProfile("acled")} className="accent-brand-600" />
              ACLED column layout
            </label>
          </fieldset>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="bom" checked={bom} onChange={(event) => setBom(event.target.checked)} className="accent-brand-600" />
            Byte-order mark (Excel)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="semicolon" checked={semicolon} onChange={(event) => setSemicolon(event.target.checked)} className="accent-brand-600" />
            Semicolons (French Excel)
          </label>
          <a href={href} download onClick={close} data-testid="export-download" className={buttonClass("primary", "w-full")}>
            Download
          </a>
        </div>
      )}
    </Popover>
  );
}
