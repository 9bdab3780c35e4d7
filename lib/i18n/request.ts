import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, negotiateLocale } from "./config";
import { messagesFor } from "./messages";
import { logger } from "../logging/logger";

// No locale in the URL: a path such as /es/... would tell anyone reading the history more than needed,
// and keeps links identical in every language. The choice lives in a session cookie.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get("accept-language"));
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: "America/New_York",
    onError(error) {
      // A missing key is a bug: the test suite fails on it; in production log the key, never values.
      logger.error({ code: error.code }, "i18n error");
    },
    getMessageFallback({ namespace, key }) {
      return [namespace, key].filter(Boolean).join(".");
    },
  };
});
