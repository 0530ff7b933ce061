import { describe, expect, it } from 'vitest';
import { createInMemoryUnitTree } from '../../../bot/domain/in-memory-unit-tree.js';
import { createPlaceResolver, type PlaceResolution } from '../../../bot/domain/place-resolver.js';
import { fixtureUnitNodes } from './fixture-units.js';

const units = createInMemoryUnitTree(fixtureUnitNodes());
const { resolvePlace } = createPlaceResolver({ units, streets: [{ name: 'phố Hàng Buồm', unitId: 'hn-p-hoankiem', validFrom: '2025-07-01' }] });
const asOf = '2026-11-23';

const ids = (r: PlaceResolution) =>
  r.kind === 'ambiguous' ? r.candidates.map((c) => c.unit.id) : r.kind === 'unverified' ? r.candidates.map((u) => u.id) : [];

describe('resolvePlace', () => {
  it.each(['Hàng Bồ', 'hang bo', 'p. Hàng Bồ', 'P.Hàng Bồ', 'phuong hang bo', 'p hang bo', 'HÀNG  BỒ'])(
    'a ward merged whole: %s → former Hàng Bồ, successor phường Hoàn Kiếm (whole)',
    (text) => {
      const r = resolvePlace(text, { asOf });
      expect(r.kind).toBe('former');
      if (r.kind !== 'former') return;
      expect(r.unit.id).toBe('hk-hangbo');
      expect(r.successors.map((s) => [s.unit.id, s.share])).toEqual([['hn-p-hoankiem', 'whole']]);
      expect(r.approximate).toBe(false);
    },
  );

  it.each([
    ['p hang trong', 'hk-hangtrong', [['hn-p-hoankiem', 'part'], ['hn-p-cuanam', 'part']]],
    ['Quảng An', 'th-quangan', [['hn-p-tayho', 'most'], ['hn-p-hongha', 'part']]],
    ['phường quang an', 'th-quangan', [['hn-p-tayho', 'most'], ['hn-p-hongha', 'part']]],
  ])('a split ward lists every successor: %s', (text, id, successors) => {
    const r = resolvePlace(text, { asOf });
    expect(r.kind).toBe('former');
    if (r.kind !== 'former') return;
    expect(r.unit.id).toBe(id);
    expect(r.successors.map((s) => [s.unit.id, s.share])).toEqual(successors);
    expect(r.approximate).toBe(true);
  });

  it.each([
    ['Hoàn Kiếm', ['hn-p-hoankiem', 'hn-q-hoankiem']],
    ['hoan kiem', ['hn-p-hoankiem', 'hn-q-hoankiem']],
    ['Tây Hồ', ['hn-p-tayho', 'hn-q-tayho']],
    ['tay ho', ['hn-p-tayho', 'hn-q-tayho']],
    ['Bình Thạnh', ['hcm-p-binhthanh', 'hcm-q-binhthanh']],
  ])('a name that is an old district and a new ward is ambiguous: %s', (text, expected) => {
    const r = resolvePlace(text, { asOf });
    expect(r.kind).toBe('ambiguous');
    expect(ids(r)).toEqual(expected);
    if (r.kind === 'ambiguous') expect(r.candidates[0]!.current).toBe(true);
  });

  // Issue 16: the user said "phường", so the abolished district of the same name is no real choice.
  it.each([
    ['phường Bình Thạnh', 'hcm-p-binhthanh'],
    ['phuong binh thanh', 'hcm-p-binhthanh'],
    ['P. Hoàn Kiếm', 'hn-p-hoankiem'],
    ['p hoan kiem', 'hn-p-hoankiem'],
    ['phường Tây Hồ', 'hn-p-tayho'],
    ['khu phố 3 phường Bình Thạnh', 'hcm-p-binhthanh'],
    ['kp 2 p hong ha', 'hn-p-hongha'],
    ['tổ dân phố 9, phường Hồng Hà', 'hn-p-hongha'],
    ['Hong Ha ward', 'hn-p-hongha'],
    ['Binh Thanh ward', 'hcm-p-binhthanh'],
  ])('an explicit tier word picks the unit of that tier: %s', (text, id) => {
    expect(resolvePlace(text, { asOf })).toMatchObject({ kind: 'current', unit: { id } });
  });

  it('an explicit district tier still picks the old district', () => {
    expect(resolvePlace('quận Bình Thạnh', { asOf })).toMatchObject({ kind: 'former', unit: { id: 'hcm-q-binhthanh' } });
    expect(resolvePlace('tổ 3 phường Phan Chu Trinh', { asOf })).toMatchObject({ unit: { id: 'hk-tdp3-phanchutrinh' } });
  });

  it.each(['Cửa Nam', 'cua nam', 'p. Cửa Nam', 'phường Cửa Nam'])('an old ward and a new ward share a name: %s', (text) => {
    const r = resolvePlace(text, { asOf });
    expect(r.kind).toBe('ambiguous');
    expect(ids(r)).toEqual(['hn-p-cuanam', 'hk-cuanam-old']);
  });

  it('a parent qualifier picks the old ward', () => {
    for (const text of ['Cửa Nam, quận Hoàn Kiếm', 'p cua nam q hoan kiem', 'cua nam hoan kiem']) {
      const r = resolvePlace(text, { asOf });
      expect(r.kind, text).toBe('former');
      if (r.kind === 'former') expect(r.successors.map((s) => [s.unit.id, s.share])).toEqual([['hn-p-cuanam', 'most'], ['hn-p-hoankiem', 'part']]);
    }
  });

  it('a district qualifier keeps only the old district', () => {
    const r = resolvePlace('q. Hoàn Kiếm', { asOf });
    expect(r.kind).toBe('former');
    if (r.kind === 'former') {
      expect(r.unit.id).toBe('hn-q-hoankiem');
      expect(r.successors.map((s) => s.unit.id).sort()).toEqual(['hn-p-cuanam', 'hn-p-hoankiem', 'hn-p-hongha']);
      expect(r.approximate).toBe(true);
    }
  });

  it.each(['phường 25 bình thạnh', 'phuong 25 binh thanh', 'p25 q.BT', 'P.25, quận Bình Thạnh', 'p.25 binh thanh'])(
    'an unverified mapping: %s',
    (text) => {
      const r = resolvePlace(text, { asOf });
      expect(r.kind).toBe('unverified');
      if (r.kind !== 'unverified') return;
      expect(r.formerUnit?.id).toBe('hcm-q-binhthanh');
      expect(ids(r).sort()).toEqual(['hcm-p-binhloitrung', 'hcm-p-binhquoi', 'hcm-p-binhthanh', 'hcm-p-giadinh', 'hcm-p-thanhmytay']);
    },
  );

  it('a numbered ward without its district asks for the district', () => {
    const r = resolvePlace('p25', { asOf });
    expect(r).toMatchObject({ kind: 'not_found', reason: 'numbered_ward_needs_district' });
  });

  it('a ward whose successors are unverified says so', () => {
    expect(resolvePlace('Định Công', { asOf }).kind).toBe('unverified');
  });

  it.each([
    ['p. Hoàn Kiếm', 'hn-p-hoankiem'],
    ['Hồng Hà', 'hn-p-hongha'],
    ['phuong hong ha', 'hn-p-hongha'],
    ['Gia Định', 'hcm-p-giadinh'],
    ['tp hcm', 'hcm'],
    ['Công an phường Hàng Bồ', 'org-hangbo-ca'],
  ])('a current unit: %s', (text, id) => {
    const r = resolvePlace(text, { asOf });
    if (id === 'org-hangbo-ca') {
      expect(r.kind).toBe('former');
      return;
    }
    if (r.kind === 'ambiguous') expect(r.candidates[0]!.unit.id).toBe(id);
    else expect(r).toMatchObject({ kind: 'current', unit: { id } });
  });

  it('before the merger the old ward is current', () => {
    expect(resolvePlace('Hàng Bồ', { asOf: '2024-10-16' })).toMatchObject({ kind: 'current', unit: { id: 'hk-hangbo' } });
    expect(resolvePlace('Hoàn Kiếm', { asOf: '2024-10-16' })).toMatchObject({ kind: 'current', unit: { id: 'hn-q-hoankiem' } });
  });

  it('a parentHint narrows the choice', () => {
    expect(resolvePlace('Bình Thạnh', { asOf, parentHint: 'hcm' }).kind).toBe('ambiguous');
    expect(resolvePlace('Cửa Nam', { asOf, parentHint: 'hn-q-hoankiem' })).toMatchObject({ kind: 'former', unit: { id: 'hk-cuanam-old' } });
  });

  it('a street resolves through the street table, not code', () => {
    expect(resolvePlace('phố Hàng Buồm', { asOf })).toMatchObject({ kind: 'current', unit: { id: 'hn-p-hoankiem' } });
    // Without a street row the name falls back to the old ward of that name.
    const plain = createPlaceResolver({ units }).resolvePlace('phố Hàng Buồm', { asOf });
    expect(plain).toMatchObject({ kind: 'former', unit: { id: 'hk-hangbuom' } });
  });

  it('not found gives close suggestions', () => {
    const r = resolvePlace('Hàng Bô', { asOf });
    expect(r.kind === 'former' || r.kind === 'not_found').toBe(true);
    const typo = resolvePlace('hang trongg', { asOf });
    expect(typo.kind).toBe('not_found');
    if (typo.kind === 'not_found') expect(typo.suggestions.map((u) => u.id)).toContain('hk-hangtrong');
    expect(resolvePlace('', { asOf })).toMatchObject({ kind: 'not_found' });
  });
});
