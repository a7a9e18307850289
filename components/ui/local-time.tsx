"use client";
import { useSyncExternalStore } from "react";
import { formatDate, formatRelativeTime, formatTime, formatUtc, type TimeInput } from "@/lib/format/format-time";

const subscribe = () => () => {};

/**
 * A time in the viewer's locale and time zone. The server (and hydration) renders UTC, which the
 * browser then replaces, so server and client never disagree while hydrating.
 */
export function LocalTime({ value, format = "time" }: { value: TimeInput; format?: "time" | "date" | "relative" }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (value === null || value === undefined || value === "") return <>—</>;
  const iso = new Date(value).toISOString();
  if (!inBrowser) return <time dateTime={iso}>{formatUtc(value)}</time>;
  const text = format === "date" ? formatDate(value) : format === "relative" ? formatRelativeTime(value, new Date()) : formatTime(value);
  return (
    <time dateTime={iso} title={format === "time" ? undefined : formatTime(value)}>
      {text}
    </time>
  );
}
