"use client";

/**
 * The filter bar of every incident view (/incidents, /overview): it shows the current filter and writes
 * every change into the URL (router.replace), so any view is a shareable link. A change resets the page to
 * 1; free text, dates and numbers are debounced so typing does not fire a request per key. Parameters the
 * bar does not own (columns=, a chart's own options) are kept as they are.
 */
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCodeLabel } from "@/components/ui/use-code-label";
import { useFormat } from "@/components/ui/use-format";
import { DIMENSION_NAMES, DIMENSIONS, type AnyDimension, type Choices, type DimensionName } from "@/lib/incidents/dimensions";
import { DEFAULT_PAGE_SIZE, FILTER_KEYS, filterToSearchParams, type IncidentFilter } from "@/lib/incidents/filters";
import { EVENT_TAXONOMY, EVENT_TYPES, type EventType } from "@/lib/incidents/taxonomy";
import type { FilterOptions } from "@/lib/incidents/types";
import { MultiSelect, type MultiSelectOption } from "./multi-select";
import { usePendingNavigation } from "./navigation-pending";
import { useFilterOptions } from "./use-filter-options";
import { DayInput } from "@/components/forms/day-input";

export type FilterField = DimensionName;

export type FilterBarProps = {
  /** The page the filter applies to ("/incidents", "/overview"): links are built on it. */
  basePath: string;
  /** The filter parsed from the current URL (parseIncidentFilterTolerant). */
  filter: IncidentFilter;
  /** Filters this page does not offer. */
  hidden?: FilterField[];
  /** Extra controls shown at the end of the bar (saved views, export...). */
  children?: ReactNode;
};

const DEBOUNCE_MS = 350;

const NO_OPTIONS: FilterOptions = { countries: [], admin1: [], admin2: [], locations: [], actors: [] };

export function FilterBar({ basePath, filter, hidden = [], children }: FilterBarProps) {
  const searchParams = useSearchParams();
  const t = useTranslations("filters");
  const format = useFormat();
  const label = useCodeLabel();
  const fetched = useFilterOptions();
  const options = fetched.options ?? NO_OPTIONS;
  const loading = !fetched.options && !fetched.error;
  const { navigate } = usePendingNavigation();
  const show = (field: FilterField) => !hidden.includes(field);

  const apply = (patch: Partial<IncidentFilter>) => {
    const next: IncidentFilter = { ...filter, ...patch, page: 1 };
    const params = filterToSearchParams(next);
    if (next.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(next.pageSize));
    for (const [key, value] of searchParams ?? []) if (!FILTER_KEYS.includes(key)) params.append(key, value);
    const query = params.toString();
    navigate(query ? `${basePath}?${query}` : basePath);
  };

  // Text fields keep local state (what is typed) and commit after a pause; they follow the URL when it
  // changes from elsewhere (clear all, a saved view, back button).
  const [text, setText] = useState({ q: filter.q ?? "", from: filter.from ?? "", to: filter.to ?? "", minFatalities: filter.minFatalities?.toString() ?? "" });
  const urlText = `${filter.q ?? ""}|${filter.from ?? ""}|${filter.to ?? ""}|${filter.minFatalities ?? ""}`;
  useEffect(() => {
    setText({ q: filter.q ?? "", from: filter.from ?? "", to: filter.to ?? "", minFatalities: filter.minFatalities?.toString() ?? "" });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the URL's values change
  }, [urlText]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const editText = (field: keyof typeof text, value: string) => {
    const next = { ...text, [field]: value };
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const minFatalities = next.minFatalities.trim() === "" ? undefined : Number(next.minFatalities);
      const validDate = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined);
      apply({
        q: next.q.trim() || undefined,
        from: validDate(next.from),
        to: validDate(next.to),
        minFatalities: minFatalities !== undefined && Number.isInteger(minFatalities) && minFatalities >= 0 ? minFatalities : undefined,
      });
    }, DEBOUNCE_MS);
  };

  // The place hierarchy narrows as you choose: regions of the chosen countries, districts of the chosen
  // regions, localities of the chosen districts (or regions, or countries).
  const placeOptions = useMemo(() => {
    const inCountry = (place: { country: string }) => !filter.country.length || filter.country.includes(place.country);
    const inAdmin1 = (place: { admin1?: string | null }) => !filter.admin1.length || filter.admin1.includes(place.admin1 ?? "");
    const inAdmin2 = (place: { admin2?: string | null }) => !filter.admin2.length || filter.admin2.includes(place.admin2 ?? "");
    // Countries are named in the reader's language (the value stays the English name); regions keep theirs.
    const country = (name: string) => label("country", name);
    return {
      country: options.countries.map((name) => ({ value: name, label: country(name), keywords: [name] })),
      admin1: options.admin1.filter(inCountry).map((place) => ({ value: place.name, label: place.name, hint: place.reform ? `${country(place.country)} · ${t("reformRegion")}` : country(place.country) })),
      admin2: options.admin2.filter((place) => inCountry(place) && inAdmin1(place)).map((place) => ({ value: place.name, label: place.name, hint: place.admin1 ?? country(place.country) })),
      location: options.locations
        .filter((place) => inCountry(place) && inAdmin1(place) && inAdmin2(place))
        .map((place) => ({ value: place.name, label: place.name, hint: [place.admin1, country(place.country)].filter(Boolean).join(", ") })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label changes only with the language, which re-renders the page
  }, [options, filter.country, filter.admin1, filter.admin2]);
  const dedupe = (list: MultiSelectOption[]) => [...new Map(list.map((option) => [option.value, option])).values()];

  const actorOptions = useMemo(
    () => options.actors.map((actor) => ({ value: actor.name, label: actor.name, hint: label("actorType", actor.type), keywords: actor.aliases })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label changes only with the language, which re-renders the page
    [options.actors],
  );
  const subTypes = (filter.eventType.length ? filter.eventType : EVENT_TYPES).flatMap((type) =>
    (EVENT_TAXONOMY[type as EventType] ?? []).map((sub) => ({ value: sub, label: label("subEventType", sub), hint: label("eventType", type), keywords: [sub] })),
  );
  const active = DIMENSION_NAMES.some((key) => searchParams?.has(key));

  // The dimensions with a control of their own; every other one with `choices` in the table of dimensions
  // gets a multi-select of them (choiceOptions), in the table's order.
  const controls: Partial<Record<DimensionName, () => ReactNode>> = {
    country: () => <MultiSelect loading={loading} name="country" label={t("country")} options={placeOptions.country} selected={filter.country} onChange={(country) => apply({ country })} />,
    admin1: () => <MultiSelect loading={loading} name="admin1" label={t("admin1")} options={dedupe(placeOptions.admin1)} selected={filter.admin1} onChange={(admin1) => apply({ admin1 })} allowCustom />,
    admin2: () => <MultiSelect loading={loading} name="admin2" label={t("admin2")} options={dedupe(placeOptions.admin2)} selected={filter.admin2} onChange={(admin2) => apply({ admin2 })} allowCustom />,
    location: () => <MultiSelect loading={loading} name="location" label={t("location")} options={dedupe(placeOptions.location)} selected={filter.location} onChange={(location) => apply({ location })} allowCustom />,
    actor: () => (
      <MultiSelect loading={loading} name="actor" label={t("actor")} options={actorOptions} selected={filter.actor} onChange={(actor) => apply({ actor })} allowCustom placeholder={t("actorPlaceholder")} />
    ),
    eventType: () => (
      <MultiSelect
        name="eventType"
        label={t("eventType")}
        options={EVENT_TYPES.map((type) => ({ value: type, label: label("eventType", type), keywords: [type] }))}
        selected={filter.eventType}
        onChange={(eventType) => apply({ eventType, subEventType: filter.subEventType.filter((sub) => eventType.length === 0 || eventType.some((type) => (EVENT_TAXONOMY[type as EventType] as readonly string[]).includes(sub))) })}
      />
    ),
    subEventType: () => <MultiSelect name="subEventType" label={t("subEventType")} options={subTypes} selected={filter.subEventType} onChange={(subEventType) => apply({ subEventType })} />,
    since: () =>
      filter.since ? (
        <span data-testid="since-filter" className="inline-flex items-center gap-1 rounded-full border border-brand-200 bg-brand-50 px-2 py-1 text-sm text-brand-800">
          {t("arrivedSince", { date: format.dateTime(filter.since) })}
          <button type="button" aria-label={t("removeSince")} onClick={() => apply({ since: undefined })} className="rounded-full px-1 text-brand-700 hover:bg-brand-100">
            ×
          </button>
        </span>
      ) : null,
    source: () =>
      filter.source.length ? (
        <MultiSelect
          name="source"
          label={t("source")}
          options={filter.source.map((id) => ({ value: String(id), label: t("sourceNumber", { id }) }))}
          selected={filter.source.map(String)}
          onChange={(values) => apply({ source: values.map(Number) })}
        />
      ) : null,
  };
  const choiceOptions = (choices: Choices): MultiSelectOption[] =>
    choices.values.map((value) => {
      const text = "code" in choices.optionLabel ? label(choices.optionLabel.code, value) : t(`${choices.optionLabel.message}.${value}` as Parameters<typeof t>[0]);
      return { value: String(value), label: choices.withCode ? `${value} · ${text}` : text };
    });
  const control = (name: DimensionName): ReactNode => {
    const own = controls[name];
    if (own) return own();
    const { choices, label: labelKey } = DIMENSIONS[name] as AnyDimension;
    if (!choices) return null;
    const numeric = typeof choices.values[0] === "number";
    return (
      <MultiSelect
        name={name}
        label={t(labelKey)}
        options={choiceOptions(choices)}
        selected={(filter[name] as (string | number)[]).map(String)}
        onChange={(values) => apply({ [name]: numeric ? values.map(Number) : values })}
      />
    );
  };

  const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none";
  return (
    <section aria-label={t("label")} className="mb-3 space-y-2 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-2">
        {show("q") ? (
          <input
            type="search"
            name="q"
            value={text.q}
            onChange={(event) => editText("q", event.target.value)}
            placeholder={t("searchPlaceholder")}
            aria-label={t("searchLabel")}
            className={`${input} min-w-72 flex-1`}
          />
        ) : null}
        {show("from") ? (
          <label className="flex items-center gap-1 text-sm text-slate-600">
            {t("from")}
            <DayInput name="from" value={text.from} onChange={(day) => editText("from", day)} className={input} />
          </label>
        ) : null}
        {show("to") ? (
          <label className="flex items-center gap-1 text-sm text-slate-600">
            {t("to")}
            <DayInput name="to" value={text.to} onChange={(day) => editText("to", day)} className={input} />
          </label>
        ) : null}
        {show("minFatalities") ? (
          <label className="flex items-center gap-1 text-sm text-slate-600">
            {t("minFatalities")}
            <input
              type="number"
              min={0}
              name="minFatalities"
              value={text.minFatalities}
              onChange={(event) => editText("minFatalities", event.target.value)}
              className={`${input} w-20`}
            />
          </label>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          {active ? (
            <button type="button" onClick={() => apply(CLEARED)} className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
              {t("clearAll")}
            </button>
          ) : null}
          {children}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {DIMENSION_NAMES.filter(show).map((name) => (
          <Fragment key={name}>{control(name)}</Fragment>
        ))}
      </div>
    </section>
  );
}

/** Every dimension emptied: what "Clear all" applies. */
const CLEARED = Object.fromEntries(DIMENSION_NAMES.map((name) => [name, DIMENSIONS[name].arity === "many" ? [] : undefined])) as Partial<IncidentFilter>;
