/**
 * The NLU's `slots.placeUnit` read from the conversation core's untyped slots: the one unit the place words name
 * (tier word honoured), as resolved by the NLU against the unit catalogue. Absent when the NLU had no units or the
 * words leave a real choice; flows then resolve the place text themselves.
 */
export interface SlotPlaceUnit {
  id: string;
  name: string;
}

export function slotPlaceUnit(slots: Record<string, unknown>): SlotPlaceUnit | undefined {
  const value = slots.placeUnit;
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof name === 'string' ? { id, name } : undefined;
}
