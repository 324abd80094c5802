/**
 * Summaries for `npm run bench`: every run is kept, and a figure is printed as its median with the
 * smallest and largest run beside it, so a reader sees the machine's noise instead of a best case.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Every value in the order it was measured. */
  values: number[];
}

/** Median (mean of the two middle values for an even count), min and max; throws on no values. */
export function summarize(values: readonly number[]): Spread {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) throw new Error("summarize: no measured values");
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, values: [...finite] };
}

/** `12.3 s (11.9–13.0)`; one run prints its value alone. */
export function formatSpread(spread: Spread, format: (value: number) => string, unit = ""): string {
  const suffix = unit ? ` ${unit}` : "";
  if (spread.values.length === 1) return `${format(spread.median)}${suffix}`;
  return `${format(spread.median)}${suffix} (${format(spread.min)}–${format(spread.max)})`;
}

export const seconds = (value: number): string => value.toFixed(1);
export const mebibytes = (bytes: number): string => String(Math.round(bytes / 2 ** 20));

/** `1.23×`; an unknown comparator prints `–`. */
export function formatRatio(value: number, comparator: number | undefined): string {
  if (comparator === undefined || !Number.isFinite(comparator) || comparator <= 0) return "–";
  return `${(value / comparator).toFixed(2)}×`;
}
