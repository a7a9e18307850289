"use client";
import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatDate, formatRelativeTime, formatTime, formatUtc, type TimeInput } from "@/lib/format/format-time";

const subscribe = () => () => {};

/**
 * A time in the person's chosen language (next-intl's locale, not the browser's) and the viewer's
 * time zone. The server (and hydration) renders UTC, which the browser then replaces, so server and
 * client never disagree while hydrating.
 */
export function LocalTime({ value, format = "time" }: { value: TimeInput; format?: "time" | "date" | "relative" }) {
  const locale = useLocale();
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (value === null || value === undefined || value === "") return <>—</>;
  const iso = new Date(value).toISOString();
  if (!inBrowser) return <time dateTime={iso}>{formatUtc(value)}</time>;
  const text =
    format === "date"
      ? formatDate(value, { locale })
      : format === "relative"
        ? formatRelativeTime(value, new Date(), { locale })
        : formatTime(value, { locale });
  return (
    <time dateTime={iso} title={format === "time" ? undefined : formatTime(value, { locale })}>
      {text}
    </time>
  );
}
