/** The import limits, shared by the page (checked before reading) and the worker. */
export const MAX_BYTES = 100 * 1024 * 1024;
export const MAX_ROWS = 1_000_000;
/** Lines, polygons and year-only points are drawn by MapLibre, so they have a lower limit. */
export const MAX_FEATURES = 50_000;
