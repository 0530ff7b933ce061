/** A cell value: text, a number, a civil date or instant already in Vietnam wall-clock time, or empty. */
export type ExportCell = string | number | Date | null;

export interface ExportColumn {
  key: string;
  /** Header as shown (Vietnamese by default). */
  header: string;
  /** Column width in characters. */
  width: number;
  /** `date` cells are written as real Excel dates (dd/mm/yyyy), `datetime` with the time. */
  type?: 'text' | 'number' | 'date' | 'datetime';
}

/**
 * One sheet of an export, independent of the file format: the .xlsx and the .csv
 * are written from the same table so they never disagree.
 */
export interface ExportTable {
  sheetName: string;
  /** Title row content for the file name, e.g. "mo-hinh-2026-hn-p-cuanam". */
  fileStem: string;
  columns: ExportColumn[];
  rows: Record<string, ExportCell>[];
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/**
 * Excel has no time zones: a cell shows the UTC fields of the Date it was given.
 * Shift an instant so its UTC fields are the Vietnam wall-clock time (Vietnam has
 * had no daylight saving since 1975, so the offset is constant).
 */
export function vietnamWallClock(instant: Date | null | undefined): Date | null {
  return instant ? new Date(instant.getTime() + VIETNAM_OFFSET_MS) : null;
}
