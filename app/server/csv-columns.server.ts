/**
 * The CSV exports' column rules. "Keys as stored": a stored field's column is headed by the
 * field's name in snake_case and holds the value as stored; an amount is written in major
 * units (blank when there is none).
 */
import { minorToMajorString } from "~/domain/money-fields";
import type { CsvColumn } from "~/server/csv.server";

type Cell = string | number | null | undefined;

/** The fields of T that go into a cell as they are. */
type StoredField<T> = { [K in keyof T]: T[K] extends Cell ? K : never }[keyof T] & string;

/** The fields of T that hold an amount in minor units. */
type AmountField<T> = { [K in keyof T]: T[K] extends number | null | undefined ? K : never }[keyof T] & string;

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** An amount in major units ("1234.50"), or blank when there is none. */
export const majorUnits = (minor: number | null | undefined) => (minor === null || minor === undefined ? null : minorToMajorString(minor));

/** Columns of stored fields, as stored: `storedColumns<Round>("closeDate")` is close_date. */
export function storedColumns<T>(...fields: StoredField<T>[]): CsvColumn<T>[] {
  return fields.map((field) => ({ header: snakeCase(field), value: (row: T) => row[field] as Cell }));
}

/** Columns of stored amounts, in major units: `amountColumns<Round>("preMoneyValuation")` is pre_money_valuation. */
export function amountColumns<T>(...fields: AmountField<T>[]): CsvColumn<T>[] {
  return fields.map((field) => ({ header: snakeCase(field), value: (row: T) => majorUnits(row[field] as number | null | undefined) }));
}
