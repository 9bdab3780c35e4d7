"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { keepAlive } from "@/app/(signed-in)/account/actions";

/**
 * Staff sessions end after the idle timeout (SEC-04). Two minutes before (or halfway, for short test
 * timeouts) a warning offers to stay signed in; at the end the page leaves for the sign-in page,
 * so protected information does not stay on an unattended screen.
 */
export function IdleWarning({ timeoutSeconds }: { timeoutSeconds: number }) {
  const t = useTranslations("Idle");
  const [state, formAction] = useActionState<ActionState, FormData>(keepAlive, { status: "idle" });
  const [warning, setWarning] = useState(false);
  // Every page the server renders renews the session, so each navigation restarts the clock.
  const pathname = usePathname();
  const lastActive = useRef(0);
  const warnAfter = Math.max(timeoutSeconds - 120, Math.floor(timeoutSeconds / 2)) * 1000;

  useEffect(() => {
    lastActive.current = Date.now();
    const tick = setInterval(() => {
      const idle = Date.now() - lastActive.current;
      if (idle >= timeoutSeconds * 1000) {
        clearInterval(tick);
        window.location.replace("/sign-in?notice=idle");
      } else setWarning(idle >= warnAfter);
    }, 1000);
    return () => clearInterval(tick);
  }, [state, pathname, timeoutSeconds, warnAfter]);

  if (!warning) return null;
  return (
    <div className="acp-idle" role="alertdialog" aria-modal="false" aria-labelledby="acp-idle-heading" aria-describedby="acp-idle-text">
      <div className="usa-alert usa-alert--warning">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading" id="acp-idle-heading">
            {t("heading")}
          </h2>
          <p className="usa-alert__text" id="acp-idle-text">
            {t("text")}
          </p>
          <form action={formAction}>
            <button className="usa-button" type="submit" autoFocus>
              {t("stay")}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
