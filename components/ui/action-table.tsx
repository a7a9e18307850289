import type { ComponentProps, ReactNode } from "react";
import { EmptyState } from "./empty-state";
import { LocalTime } from "./local-time";
import { Table, TBody, THead, Td, Th, Tr, type TableProps } from "./table";

export interface ActionTableProps<T> extends Omit<TableProps, "caption" | "captionSrOnly" | "children"> {
  /** Names the table for screen readers (the caption is visually hidden: a card heading says it). */
  caption: string;
  /** The column headings before the actions column. */
  columns: ReactNode[];
  /** The actions column's heading, heard by screen readers only; none for a list without actions. */
  actionsLabel?: string;
  rows: readonly T[];
  /** One <Tr> a row; its last cell holds the row's buttons (when there is an actions column). */
  renderRow: (row: T) => ReactNode;
  /** What shows instead of the table when there are no rows. */
  empty: { title: ReactNode; description?: ReactNode };
}

/** A list of things the person can act on one by one (revoke, delete), or just read: the empty state, or the table. */
export function ActionTable<T>({ caption, columns, actionsLabel, rows, renderRow, empty, ...rest }: ActionTableProps<T>) {
  if (rows.length === 0) return <EmptyState title={empty.title} description={empty.description} />;
  return (
    <Table caption={caption} captionSrOnly {...rest}>
      <THead>
        <Tr>
          {columns.map((column, i) => (
            <Th key={i}>{column}</Th>
          ))}
          {actionsLabel && (
            <Th>
              <span className="sr-only">{actionsLabel}</span>
            </Th>
          )}
        </Tr>
      </THead>
      <TBody>{rows.map(renderRow)}</TBody>
    </Table>
  );
}

/** A cell holding one time (created, last used, expires), kept on one line. */
export function TimeCell(props: ComponentProps<typeof LocalTime>) {
  return (
    <Td className="whitespace-nowrap">
      <LocalTime {...props} />
    </Td>
  );
}
