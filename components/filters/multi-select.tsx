"use client";

/**
 * A compact multi-value picker: a button showing the current choice, opening a searchable checklist.
 * Options may carry keywords (e.g. an actor's aliases) so typing "GSIM" finds JNIM; with `allowCustom`,
 * a value that is not in the list can be added as typed (the server resolves it, e.g. as an alias).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useDismiss } from "@/components/ui/use-dismiss";
import { foldText } from "@/lib/text/fold";

export type MultiSelectOption = { value: string; label: string; hint?: string; keywords?: string[] };

type Props = {
  label: string;
  options: MultiSelectOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  allowCustom?: boolean;
  placeholder?: string;
  /** Name used for the button's accessible label and test selectors. */
  name: string;
  /** The options are still being fetched: chosen values are not "as typed" yet, and the list says so. */
  loading?: boolean;
};

const MAX_SHOWN = 200;

export function MultiSelect({ label, options, selected: fromUrl, onChange, allowCustom = false, placeholder, name, loading = false }: Props) {
  const t = useTranslations("multiSelect");
  const [open, setOpen] = useState(false);
  // Ticks show at once; the URL (and so the props) catches up when the navigation completes.
  const [selected, setSelected] = useState(fromUrl);
  const urlKey = fromUrl.join("\u0000");
  useEffect(() => {
    setSelected(fromUrl);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow the URL's values, not the array identity
  }, [urlKey]);
  const change = (values: string[]) => {
    setSelected(values);
    onChange(values);
  };
  const [search, setSearch] = useState("");
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const closePanel = useCallback(() => setOpen(false), []);
  const listId = useId();

  useDismiss(rootRef, open, closePanel);

  const indexed = useMemo(() => options.map((option) => ({ option, haystack: foldText([option.label, option.hint ?? "", ...(option.keywords ?? [])].join(" ")) })), [options]);
  const folded = foldText(search);
  const matches = folded ? indexed.filter((entry) => entry.haystack.includes(folded)).map((entry) => entry.option) : options;
  const selectedSet = new Set(selected);
  // Chosen values first, so they can be unticked without scrolling.
  const shown = [...matches.filter((option) => selectedSet.has(option.value)), ...matches.filter((option) => !selectedSet.has(option.value))].slice(0, MAX_SHOWN);
  // Offer "Add …" only for a value that is neither an option nor already chosen (accents and case ignored).
  const exact = options.some((option) => foldText(option.value) === folded || foldText(option.label) === folded) || selected.some((value) => foldText(value) === folded);
  const custom = selected.filter((value) => !options.some((option) => option.value === value));

  const toggle = (value: string) => change(selectedSet.has(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  const summary = selected.length === 0 ? t("any") : selected.length === 1 ? (options.find((option) => option.value === selected[0])?.label ?? selected[0]) : t("selected", { count: selected.length });

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        // Escape closes the panel (useDismiss); keyboard focus goes back to the button instead of the page.
        if (event.key === "Escape" && open) buttonRef.current?.focus();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        data-filter={name}
        onClick={() => setOpen((value) => !value)}
        className={`inline-flex max-w-64 items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-sm shadow-xs transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
          selected.length ? "border-brand-500 bg-brand-50 text-brand-900" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
        }`}
      >
        {/* The visible text is the accessible name ("Country: Any"), so speech users can say what they see. */}
        <span className="font-medium">
          {label}
          <span className="sr-only">:</span>
        </span>{" "}
        <span className="truncate text-slate-600">{summary}</span>
        <span aria-hidden className="text-[10px] text-slate-500">▾</span>
      </button>
      {open ? (
        <div className="absolute left-0 z-40 mt-1 w-72 rounded-md border border-slate-200 bg-white shadow-lg">
          <div className="border-b border-slate-100 p-2">
            <input
              autoFocus
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && allowCustom && search.trim() && !exact) {
                  event.preventDefault();
                  toggle(search.trim());
                  setSearch("");
                }
              }}
              placeholder={placeholder ?? t("search")}
              aria-label={t("searchIn", { label: label.toLowerCase() })}
              className="w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none"
            />
          </div>
          {/* A plain list of checkboxes: each is reachable with Tab and toggled with Space, with no ARIA widget to emulate. */}
          <ul id={listId} aria-label={label} className="max-h-72 overflow-y-auto py-1 text-sm">
            {custom.map((value) => (
              <Option key={`custom-${value}`} label={value} hint={loading ? undefined : t("asTyped")} checked onToggle={() => toggle(value)} />
            ))}
            {allowCustom && search.trim() && !exact ? (
              <li>
                <button type="button" onClick={() => (toggle(search.trim()), setSearch(""))} className="w-full px-3 py-1.5 text-left text-brand-700 hover:bg-brand-50">
                  {t("add", { value: search.trim() })}
                </button>
              </li>
            ) : null}
            {shown.map((option) => (
              <Option key={option.value} label={option.label} hint={option.hint} checked={selectedSet.has(option.value)} onToggle={() => toggle(option.value)} />
            ))}
            {loading ? (
              <li className="px-3 py-2 text-slate-600" aria-live="polite">
                {t("loading")}
              </li>
            ) : shown.length === 0 && !(allowCustom && search.trim()) ? (
              <li className="px-3 py-2 text-slate-600">{t("nothing")}</li>
            ) : null}
          </ul>
          {selected.length ? (
            <div className="flex justify-end border-t border-slate-100 p-1.5">
              <button type="button" onClick={() => change([])} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100">
                {t("clear", { label: label.toLowerCase() })}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Option({ label, hint, checked, onToggle }: { label: string; hint?: string; checked: boolean; onToggle: () => void }) {
  return (
    <li>
      <label className="flex cursor-pointer items-center gap-2 px-3 py-1 hover:bg-slate-50 focus-within:bg-brand-50">
        <input type="checkbox" checked={checked} onChange={onToggle} className="accent-brand-600" />
        <span className="truncate">{label}</span>
        {hint ? <span className="ml-auto shrink-0 text-xs text-slate-600">{hint}</span> : null}
      </label>
    </li>
  );
}
