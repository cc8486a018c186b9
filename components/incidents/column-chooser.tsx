"use client";

/** Chooses the table's columns; the choice lives in the URL (`columns=`), so links and exports keep it. */
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { usePendingNavigation } from "@/components/filters/navigation-pending";
import { INCIDENT_COLUMNS, columnsToParam, DEFAULT_COLUMN_KEYS } from "@/lib/incidents/columns";
import { Popover } from "./popover";

export function ColumnChooser({ columns }: { columns: string[] }) {
  const searchParams = useSearchParams();
  const t = useTranslations("incidents");
  const tColumn = useTranslations("columns");
  const { navigate } = usePendingNavigation();
  const write = (keys: string[]) => {
    const params = new URLSearchParams(searchParams?.toString());
    const value = columnsToParam(keys);
    if (value) params.set("columns", value);
    else params.delete("columns");
    navigate(`/incidents?${params}`);
  };
  // Keep the table's canonical order whatever the order of clicks.
  const toggle = (key: string) => {
    const chosen = new Set(columns.includes(key) ? columns.filter((item) => item !== key) : [...columns, key]);
    if (chosen.size === 0) return;
    write(INCIDENT_COLUMNS.map((column) => column.key).filter((item) => chosen.has(item)));
  };
  return (
    <Popover label={t("columnsButton", { count: columns.length })} testId="column-chooser">
      {() => (
        <div>
          <ul className="grid grid-cols-2 gap-x-3 gap-y-1" aria-label={t("columnsLabel")}>
            {INCIDENT_COLUMNS.map((column) => (
              <li key={column.key}>
                <label className="flex cursor-pointer items-center gap-2">
                  <input type="checkbox" className="accent-brand-600" checked={columns.includes(column.key)} onChange={() => toggle(column.key)} name={`column-${column.key}`} />
                  {tColumn(column.key as Parameters<typeof tColumn>[0])}
                </label>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => write([...DEFAULT_COLUMN_KEYS])} className="mt-2 text-xs text-brand-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
            {t("resetColumns")}
          </button>
        </div>
      )}
    </Popover>
  );
}
