import type { IsoDate } from '../../bot/domain/iso-date.js';

/** DATE columns come back as UTC midnight; the domain speaks `YYYY-MM-DD`. */
export function toIsoDate(value: Date | null | undefined): IsoDate | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function fromIsoDate(value: IsoDate | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}
