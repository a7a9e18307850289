"use client";
import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; label: string; color: string };
export type ChartPoint = { start: string } & Record<string, number | string>;

// Colours are the theme's CSS variables, so a theme switch recolours the chart with no re-render.
const subscribe = () => () => {};
const axis = { stroke: "var(--gh-line-strong)", tick: { fill: "var(--gh-muted)", fontSize: 12 } };

/**
 * A stacked bar chart of sign-ins per time bucket (recharts). Times are shown in the viewer's
 * time zone and language; the same figures are in the table beside it for screen readers.
 */
export function SignInChart({
  points,
  series,
  hourly,
  label,
}: {
  points: ChartPoint[];
  series: ChartSeries[];
  hourly: boolean;
  label: string;
}) {
  const locale = useLocale();
  // Drawn in the browser only: the server's HTML would carry style attributes, which the Content
  // Security Policy refuses (styles set from script are allowed), leaving the chart with no size.
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const tick = new Intl.DateTimeFormat(locale, hourly ? { hour: "2-digit", minute: "2-digit" } : { weekday: "short", hour: "2-digit" });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div role="img" aria-label={label} className="h-64 w-full min-w-0">
      {inBrowser && (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--gh-line)" vertical={false} />
            <XAxis dataKey="start" {...axis} tickFormatter={(v: string) => tick.format(new Date(v))} minTickGap={16} />
            <YAxis {...axis} allowDecimals={false} />
            <Tooltip
              cursor={{ fill: "var(--gh-surface-muted)" }}
              labelFormatter={(v) => full.format(new Date(String(v)))}
              contentStyle={{
                background: "var(--gh-surface)",
                border: "1px solid var(--gh-line)",
                color: "var(--gh-text)",
                borderRadius: 6,
              }}
              labelStyle={{ color: "var(--gh-text)" }}
            />
            <Legend wrapperStyle={{ color: "var(--gh-text)", fontSize: 12 }} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="all" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
