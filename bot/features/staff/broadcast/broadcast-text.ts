import { foldText } from '../../../core/fold.js';
import type { ReplyKit } from '../../../conversation/reply-kit.js';
import type { AudienceCounts, BroadcastAudience, BroadcastKind, BroadcastSummary } from './broadcast-services.js';
import { vietnamClock } from './send-time.js';

/** "gửi thông báo cho dân phường X: …" typed by someone who is not staff (refused politely, never taken for "subscribe"). */
export const LOOKS_LIKE_BROADCAST = /^(soan|gui|tao|phat) (1 |mot )?thong bao (cho|toi|den|gui) (nguoi dan|dan|can bo|ca hai|toan)/;
/** "tình hình gửi thông báo vừa rồi", "tiến độ gửi tin". */
/** "gửi lại tin chưa chắc chắn" / "resend uncertain messages": the staff's explicit resend of unknown deliveries. */
export const ASKS_RESEND_UNCERTAIN = /\b(gui lai|resend)\b.*\b(chua chac chan|uncertain)\b/;
export const ASKS_PROGRESS = /\b(tinh hinh|tien do|ket qua|da gui (duoc )?bao nhieu)\b.*\b(thong bao|tin)\b/;
/** "lịch gửi tuần này", "thông báo đã lên lịch". */
export const ASKS_SCHEDULE = /\b(lich gui|da len lich|hen gio gui|lich thong bao)\b/;

export function folded(text: string): string {
  return foldText(text);
}

/** The kind a request's words suggest ("công nhận", "ngày hội", "hạn nộp"), if any. */
export function kindFromWords(text: string): BroadcastKind | null {
  const f = foldText(text);
  if (/\b(cong nhan|khen thuong|tuyen duong|bieu duong|chuc mung)\b/.test(f)) return 'recognition';
  if (/\b(nhac han|han nop|han chot|het han)\b/.test(f)) return 'deadline';
  if (/\b(ngay hoi|hoi thi|su kien|le ky niem|doi ngay|hoan)\b/.test(f)) return 'event';
  return null;
}

export const KINDS: BroadcastKind[] = ['recognition', 'event', 'deadline', 'other'];
export const AUDIENCES: BroadcastAudience[] = ['residents', 'cadres', 'both'];

export function audienceLabel(kit: ReplyKit, audience: BroadcastAudience, unitName: string): string {
  return kit.t(`bc-aud-${audience}`, { unit: unitName });
}

export function countsLines(kit: ReplyKit, counts: AudienceCounts): string[] {
  let residents = 0;
  let cadres = 0;
  const perChannel: string[] = [];
  for (const [channel, c] of Object.entries(counts.sendable).sort()) {
    residents += c.residents;
    cadres += c.cadres;
    perChannel.push(`${kit.t(`bc-channel-${channel}`)} ${c.residents + c.cadres}`);
  }
  const lines = [kit.t('bc-preview-recipients', { residents, cadres, channels: perChannel.join(', ') || '—' })];
  for (const [reason, n] of Object.entries(counts.skipped).sort()) lines.push(kit.t(`bc-skip-${reason}`, { count: n }));
  return lines;
}

export function whenText(kit: ReplyKit, at: Date | null): string {
  if (!at) return kit.t('bc-when-now');
  const { time, date } = vietnamClock(at);
  return kit.t('bc-when-at', { time, date });
}

export function summaryLine(kit: ReplyKit, s: BroadcastSummary, index: number): string {
  return kit.t('bc-list-line', {
    n: index + 1,
    when: whenText(kit, s.sendAt),
    audience: audienceLabel(kit, s.audience, s.unitName),
    count: s.expectedCount,
    status: kit.t(`bc-status-${s.status}`),
    excerpt: s.body.length > 60 ? `${s.body.slice(0, 57)}…` : s.body,
  });
}
