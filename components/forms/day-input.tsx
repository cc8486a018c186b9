"use client";
/**
 * A calendar-day field that reads as the interface's language writes days (19/05/2025 in French,
 * 2025-05-19 in English), whatever the browser's own language: a native date input follows the browser,
 * so a French interface showed mm/dd/yyyy in an English browser. A form receives the ISO day under
 * `name` (a hidden input), a controlled field through onChange; what cannot be read is sent as typed, for the server to refuse naming the field.
 */
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { isLocale } from "@/lib/i18n/config";
import { dayFromInput, formatDay } from "@/lib/i18n/format";
import { isCalendarDay } from "@/lib/validation/calendar-day";

type Props = {
  /** The form field of the ISO day; none for a field read through onChange only. */
  name?: string;
  /** The ISO day, for a controlled field; `defaultValue` for a form's own. */
  value?: string;
  defaultValue?: string;
  onChange?: (day: string) => void;
  required?: boolean;
  className?: string;
  id?: string;
};

export function DayInput({ name, value, defaultValue, onChange, required, className, id }: Props) {
  const current = useLocale();
  const locale = isLocale(current) ? current : "en";
  const t = useTranslations("dayInput");
  const shown = (day: string) => (isCalendarDay(day) ? formatDay(day, locale) : day);
  const [text, setText] = useState(() => shown(value ?? defaultValue ?? ""));
  // A controlled field follows its value when it changes from elsewhere (clear all, back button).
  useEffect(() => {
    if (value !== undefined && dayFromInput(text, locale) !== value) setText(shown(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the value changes
  }, [value]);
  const day = dayFromInput(text, locale);
  const invalid = day !== "" && !isCalendarDay(day);
  return (
    <>
      <input
        type="text"
        id={id}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("placeholder")}
        title={t("hint", { format: t("placeholder") })}
        value={text}
        required={required}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setText(event.target.value);
          onChange?.(dayFromInput(event.target.value, locale));
        }}
        className={`${className ?? ""} w-32 ${invalid ? "border-red-500" : ""}`}
      />
      {name ? <input type="hidden" name={name} value={day} /> : null}
    </>
  );
}
