import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextStepText } from '../../../../bot/features/cadre/model-status.feature.js';
import type { RegistrationView } from '../../../../bot/features/cadre/cadre-services.js';
import { createReplyKit } from '../../../../bot/conversation/reply-kit.js';
import { createTranslator } from '../../../../bot/i18n/translator.js';

const kit = createReplyKit(createTranslator({ localesDir: path.resolve(import.meta.dirname, '../../../../locales') }), 'vi');

function accepted(nextReport: RegistrationView['nextReport']): RegistrationView {
  return { status: 'accepted', nextReport } as RegistrationView;
}

describe('the next step shown with a registration', () => {
  it('names the report and its due date while it is ahead', () => {
    expect(nextStepText(kit, accepted({ kind: 'so_ket_6_thang', dueDate: '2026-06-15', overdue: false }))).toBe('nộp báo cáo sơ kết 6 tháng trước 15/06/2026.');
  });

  it('says a passed due date has passed, and that a late report is still taken', () => {
    const text = nextStepText(kit, accepted({ kind: 'so_ket_6_thang', dueDate: '2026-06-15', overdue: true }));
    expect(text).toContain('hạn 15/06/2026 đã qua');
    expect(text).toContain('nộp muộn');
  });
});
