import { describe, expect, it } from 'vitest';
import { resolveTypedPlace } from '../../../../bot/features/residents/typed-place.js';
import { createFakeResidentStore } from './fake-resident-store.js';

const asOf = '2026-10-07';

describe('resolveTypedPlace — the NLU unit first, the words for what surrounds it', () => {
  it('keeps the words’ reading when it includes the NLU’s unit (the same-name old ward stays for the note)', async () => {
    const { store } = createFakeResidentStore();
    const r = await resolveTypedPlace(store, { placeUnit: { id: 'hn-p-cuanam', name: 'Cửa Nam' } }, 'phường Cửa Nam', asOf);
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.candidates.map((c) => c.unit.id)).toContain('hn-p-cuanam');
  });

  it('answers for the NLU’s unit when the words alone name something else or nothing', async () => {
    const { store } = createFakeResidentStore();
    const r = await resolveTypedPlace(store, { placeUnit: { id: 'hcm-p-binhthanh', name: 'Bình Thạnh' } }, 'ở chỗ bình thạnh nhà tôi ấy', asOf);
    expect(r).toMatchObject({ kind: 'current', unit: { id: 'hcm-p-binhthanh' } });
  });

  it('without a placeUnit, resolves the words as before', async () => {
    const { store } = createFakeResidentStore();
    const r = await resolveTypedPlace(store, {}, 'Bình Thạnh', asOf);
    expect(r.kind).toBe('ambiguous');
  });
});
