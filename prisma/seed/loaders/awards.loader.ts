import { foldText } from '../../../bot/core/fold.js';
import type { SeedLoader } from '../seed-loader.js';
import { inParallel } from './in-parallel.js';

interface FixtureAward {
  id: string;
  form: string;
  name?: string;
  rank?: string;
  recipient: { type: string; name?: string; unit_id?: string; count?: number };
  issuer_unit_id?: string;
  event_id?: string;
  presented_at_event_id?: string;
  date?: string;
  source?: string;
  note?: string;
}

export const awardsLoader: SeedLoader = {
  name: 'awards',
  async load(prisma, fixture) {
    await inParallel(fixture.awards as unknown as FixtureAward[], async (a) => {
      const name = a.recipient.name?.normalize('NFC') ?? null;
      const data = {
        recipientType: a.recipient.type,
        recipientUnitId: a.recipient.unit_id ?? null,
        recipientName: name,
        recipientNameFolded: name ? foldText(name) : null,
        recipientCount: a.recipient.count ?? null,
        form: a.form,
        name: a.name?.normalize('NFC') ?? null,
        rank: a.rank ?? null,
        issuerUnitId: a.issuer_unit_id ?? null,
        date: a.date ? new Date(`${a.date}T00:00:00.000Z`) : null,
        eventId: a.event_id ?? a.presented_at_event_id ?? null,
        source: a.source ?? null,
        note: a.note ?? null,
      };
      await prisma.award.upsert({ where: { id: a.id }, create: { id: a.id, ...data }, update: data });
    });
  },
};
