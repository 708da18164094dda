/**
 * Checked index access for tests under `noUncheckedIndexedAccess` (docs/decisions/014-lint-and-types.md).
 * A missing element fails the test where it is read, naming what was expected, instead of a
 * TypeError a few lines later.
 */

/** The element at `index` (0-based; a negative index, e.g. a failed `indexOf`, is missing too). */
export function at<T>(items: readonly T[], index: number, what = "element"): T {
  const item = index >= 0 ? items[index] : undefined;
  if (item === undefined) throw new Error(`expected ${what} at index ${index}, got ${items.length} element(s)`);
  return item;
}

/** The first element: the row a query, a RETURNING or an aggregate was expected to give. */
export function first<T>(items: readonly T[], what = "row"): T {
  return at(items, 0, what);
}

/** The value under `key`, which the test expects to be there. */
export function lookup<T>(record: Readonly<Record<string, T>>, key: string): T {
  const value = record[key];
  if (value === undefined) throw new Error(`expected an entry for ${JSON.stringify(key)}, have ${Object.keys(record).join(", ") || "none"}`);
  return value;
}

type Tuple<T, N extends number, R extends T[] = []> = R["length"] extends N ? R : Tuple<T, N, [...R, T]>;

/** The first `n` elements, checked, for destructuring: `const [cash, runway] = leading(datasets, 2)`. */
export function leading<T, N extends number>(items: readonly T[], n: N): Tuple<T, N> {
  if (items.length < n) throw new Error(`expected at least ${n} element(s), got ${items.length}`);
  return items.slice(0, n) as Tuple<T, N>;
}
