"use client";

import { useCallback, useEffect } from "react";

const PRESSES = 3;
const WINDOW_MS = 1500;

/**
 * "Leave this site": replaces this page in the history (so Back does not return here) and goes to
 * a neutral site. Also fires on Shift pressed three times in a row, from anywhere on the page.
 * Works as a plain link when scripts are off.
 */
export function QuickExit({ href, label, hint }: { href: string; label: string; hint: string }) {
  const leave = useCallback(() => {
    // Hide the page at once: the next site may take a moment to load.
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    window.location.replace(href);
  }, [href]);

  useEffect(() => {
    let count = 0;
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Shift") {
        count = 0;
        return;
      }
      if (e.repeat) return;
      const now = Date.now();
      count = now - last <= WINDOW_MS ? count + 1 : 1;
      last = now;
      if (count >= PRESSES) leave();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [leave]);

  return (
    <div className="acp-quick-exit" role="region" aria-label={label}>
      <a
        className="usa-button usa-button--secondary acp-quick-exit__button"
        href={href}
        rel="noreferrer noopener"
        onClick={(e) => {
          e.preventDefault();
          leave();
        }}
      >
        {label}
      </a>
      <span className="acp-quick-exit__hint">{hint}</span>
    </div>
  );
}
