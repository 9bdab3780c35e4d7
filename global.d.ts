/// <reference types="next" />
/// <reference types="next/image-types/global" />
import type { Locale } from "./lib/i18n/config";
import type { Messages } from "./lib/i18n/messages";

// Typed messages: a key used in code but missing from en.json fails `npm run typecheck`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
