import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

interface FlavouredMessage {
  id: string;
  text: string;
  parts: { text: string; buttons: { label: string; action: { button?: string; text?: string } }[] }[];
}

describe('console channel flavours (GET /console/api/messages?flavour=…)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const read = async (userId: string, flavour: string) =>
    ((await (await fetch(`${t.app.url}/console/api/messages?userId=${userId}&flavour=${flavour}`)).json()) as { messages: FlavouredMessage[] }).messages;

  it('shows the same menu as each channel renders it, and a typed number picks a Zalo Bot option', async () => {
    await t.console.user('flavour-resident');
    const [menu] = await t.console.say('flavour-resident', 'xin chào');
    expect(menu!.buttons.length).toBeGreaterThanOrEqual(2);

    const [zaloBot] = await read('flavour-resident', 'zalo-bot');
    expect(zaloBot!.parts[0]!.buttons).toEqual([]);
    expect(zaloBot!.parts[0]!.text).toContain(`2. ${menu!.buttons[1]!.label}`);

    const [oa] = await read('flavour-resident', 'zalo-oa');
    expect(oa!.parts.at(-1)!.buttons[1]).toEqual({ label: menu!.buttons[1]!.label, action: { text: menu!.buttons[1]!.label } });

    const [telegram] = await read('flavour-resident', 'telegram');
    expect(telegram!.parts.at(-1)!.buttons[1]!.action).toEqual({ button: menu!.buttons[1]!.value });

    // A Zalo Bot user types the option's number; the answer equals pressing the button.
    const [byNumber] = await t.console.say('flavour-resident', '2');
    await t.console.say('flavour-resident', 'xin chào');
    await t.console.user('flavour-presser');
    await t.console.say('flavour-presser', 'xin chào');
    await t.console.press('flavour-presser', menu!.buttons[1]!.value);
    const [byButton] = await t.console.replies('flavour-presser');
    expect(byNumber!.text.split('\n')[0]).toBe(byButton!.text.split('\n')[0]);
  });

  it('refuses an unknown flavour with a clear error', async () => {
    const res = await fetch(`${t.app.url}/console/api/messages?userId=x&flavour=zalo`);
    expect(res.status).toBe(400);
  });
});
