import { TableHead, Th } from "~/components/ui/table";

/** A column's header: its label, the hint its title shows on hover, and its look. */
export interface ColumnHead {
  label: string;
  hint?: string;
  numeric?: boolean;
  last?: boolean;
  dense?: boolean;
}

/** A table's header row from its columns (record lists, a facility's tables, a month's report): one Th per column. */
export function ColumnHeads({ columns, sticky }: { columns: ColumnHead[]; sticky?: boolean }) {
  return (
    <TableHead sticky={sticky}>
      {columns.map((column) => (
        <Th key={column.label} numeric={column.numeric} last={column.last} dense={column.dense} title={column.hint}>
          {column.label}
        </Th>
      ))}
    </TableHead>
  );
}
