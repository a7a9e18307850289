import { Fragment } from "react";

/**
 * Text that may wrap after the separators of an address, an IPv6 address or a user agent
 * (@ . : / ; space-free runs) rather than anywhere; the cell's overflow-wrap:anywhere is the last resort.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[@.:/;,)])/);
  return (
    <span className="wrap-anywhere">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}
