"use client";

import { useEffect } from "react";

/** Tells the early submit guard (app/layout.tsx) that React now handles forms itself. */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
