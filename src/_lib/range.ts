/** Range bounds as policies write them: `gt`, `gte`, `lt`, `lte` (numbers or decimal strings). */
export interface Bounds {
  readonly gt?: number | string;
  readonly gte?: number | string;
  readonly lt?: number | string;
  readonly lte?: number | string;
}

/** Whether a value lies within every bound given. */
export function inBounds(value: number, bounds: Bounds): boolean {
  return (
    (bounds.gt === undefined || value > Number(bounds.gt)) &&
    (bounds.gte === undefined || value >= Number(bounds.gte)) &&
    (bounds.lt === undefined || value < Number(bounds.lt)) &&
    (bounds.lte === undefined || value <= Number(bounds.lte))
  );
}
