"use client";
import { useEffect } from "react";

/**
 * Marks <html data-hydrated> once React has hydrated the page, i.e. once its handlers are attached.
 * Typing into a field before that reaches the DOM but not React, which is what a fast person on a
 * slow device or a browser test on a busy machine does: the end-to-end tests wait for the mark.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
