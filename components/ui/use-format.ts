import { useLocale } from "next-intl";
import { formatterFor, type Formatter } from "@/lib/i18n/format";

/** Dates and numbers in the page's language (lib/i18n/format.ts), in client and non-async server components; async ones use getFormat(). */
export function useFormat(): Formatter {
  return formatterFor(useLocale());
}
