import type { Locale } from "./config";
import type { Messages } from "./messages";

// Typed keys: a t("…") call naming a key that English does not have fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
