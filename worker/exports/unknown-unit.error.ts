/** An export or statistics request named a unit id that is not in the unit table. */
export class UnknownUnitError extends Error {
  override readonly name = 'UnknownUnitError';
  constructor(readonly unitId: string) {
    super(`Unknown unit "${unitId}": pass a unit id from the unit table, e.g. unit=hn-p-cuanam.`);
  }
}
