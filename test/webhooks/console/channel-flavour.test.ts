import { describe, expect, it } from 'vitest';
import { renderForFlavour } from '../../../webhooks/console/channel-flavour.js';

const menu = {
  text: 'Chào bạn! Bạn cần gì?',
  buttons: [
    { label: 'Lịch ngày hội', value: 'menu:events' },
    { label: 'Đăng ký nhận tin', value: 'menu:subscribe' },
  ],
};

describe('renderForFlavour', () => {
  it('console: the buttons as they are', () => {
    expect(renderForFlavour('console', menu)).toEqual([
      { text: menu.text, buttons: [{ label: 'Lịch ngày hội', action: { button: 'menu:events' } }, { label: 'Đăng ký nhận tin', action: { button: 'menu:subscribe' } }] },
    ]);
  });

  it('telegram: an inline keyboard whose taps send the callback data; a long value comes back as the label', () => {
    const long = { text: 'x', buttons: [{ label: 'Dài', value: 'v'.repeat(80) }] };
    expect(renderForFlavour('telegram', menu)[0]!.buttons[1]).toEqual({ label: 'Đăng ký nhận tin', action: { button: 'menu:subscribe' } });
    expect(renderForFlavour('telegram', long)[0]!.buttons[0]).toEqual({ label: 'Dài', action: { text: 'Dài' } });
  });

  it('zalo-oa: OA buttons that send their label back as text; more than five become numbered options', () => {
    expect(renderForFlavour('zalo-oa', menu)[0]!.buttons[0]).toEqual({ label: 'Lịch ngày hội', action: { text: 'Lịch ngày hội' } });
    const six = { text: 'Chọn', buttons: Array.from({ length: 6 }, (_, i) => ({ label: `Mục ${i + 1}`, value: `v${i}` })) };
    const [part] = renderForFlavour('zalo-oa', six);
    expect(part!.buttons).toEqual([]);
    expect(part!.text).toContain('6. Mục 6');
  });

  it('zalo-bot: numbered options in the text, no buttons; long text split at 2000 characters', () => {
    const [part] = renderForFlavour('zalo-bot', menu);
    expect(part!.buttons).toEqual([]);
    expect(part!.text).toMatch(/1\. Lịch ngày hội\n2\. Đăng ký nhận tin/);
    expect(renderForFlavour('zalo-bot', { text: 'a '.repeat(1500) }).length).toBe(2);
  });
});
