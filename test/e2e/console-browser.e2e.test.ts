import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { insertRegistration, seedDomainBasics } from '../worker/store/store-fixtures.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results');

/**
 * The console page in a real browser: a resident on the Zalo Bot flavour answers a
 * numbered option, a cadre on the Telegram flavour taps a button, a reviewer's
 * statistics chart is shown as an image, and an announcement a broadcaster sends on one page arrives live
 * (Server-Sent Events, no reload) on a subscribed resident's page. Screenshots go to test-results/.
 */
describe.skipIf(!existsSync(CHROMIUM))('console in Chromium (needs /usr/bin/chromium)', { timeout: 60_000 }, () => {
  let db: TestDatabase;
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    await insertRegistration(db.prisma, 'recognized');
    await insertRegistration(db.prisma, 'submitted');
    // No quiet hours: the announcement below goes out at once whatever the time of day the test runs.
    t = await startTestApp({ database: db, env: { BROADCAST_QUIET_HOURS: '' } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await db?.drop();
  });

  async function openAs(user: string, role: string, flavour: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
    await page.goto(`${t.app.url}/console`);
    await page.fill('#uid', user);
    await page.selectOption('#role', role);
    await page.fill('#unit', 'hn-p-cuanam');
    await page.click('#apply');
    await page.selectOption('#flavour', flavour);
    return page;
  }

  async function say(page: Page, text: string): Promise<void> {
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
  }

  const botBubbles = (page: Page) => page.locator('#log .msg.bot');

  it('resident on Zalo Bot: numbered options, no buttons, answered by typing a number', async () => {
    const page = await openAs('browser-resident', 'resident', 'zalo-bot');
    await say(page, 'xin chào');
    await expect.poll(() => botBubbles(page).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const menu = botBubbles(page).first();
    await expect.poll(() => menu.textContent(), { timeout: 5_000 }).toContain('1. Lịch ngày hội');
    expect(await menu.locator('button').count()).toBe(0);
    await say(page, '1');
    await expect.poll(() => botBubbles(page).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await botBubbles(page).last().textContent()).not.toContain('1. Lịch ngày hội');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-zalo-bot-resident.png'), fullPage: true });
    await page.close();
  });

  it('cadre on the Telegram flavour: registers a model by tapping buttons', async () => {
    const page = await openAs('browser-cadre', 'cadre', 'telegram');
    await say(page, 'dk mo hinh "Ngõ phố xanh"');
    const firstWithButtons = page.locator('#log .msg.bot:has(button)').first();
    await firstWithButtons.waitFor({ timeout: 15_000 });
    const before = await botBubbles(page).count();
    await firstWithButtons.locator('button').first().click();
    await expect.poll(() => botBubbles(page).count(), { timeout: 15_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-telegram-cadre.png'), fullPage: true });
    await page.close();
  });

  it('a broadcast composed by chat on one page arrives live on a subscribed resident\'s open page', async () => {
    const resident = await openAs('browser-subscriber', 'resident', 'zalo-bot');
    await say(resident, 'cho tôi nhận thông báo của phường Cửa Nam');
    await expect.poll(() => botBubbles(resident).count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => db.prisma.subscriber.count({ where: { userId: 'console:browser-subscriber', unitsOfInterest: { has: 'hn-p-cuanam' } } }), { timeout: 10_000 })
      .toBe(1);
    const before = await botBubbles(resident).count();

    const staff = await openAs('browser-broadcaster', 'broadcaster', 'console');
    const lastBot = () => botBubbles(staff).last();
    await say(staff, 'soạn thông báo');
    await staff.locator('#log .msg.bot button', { hasText: 'Công nhận/khen thưởng' }).last().click();
    await expect.poll(() => lastBot().textContent(), { timeout: 15_000 }).toContain('Gửi tới ai?');
    await say(staff, '1');
    await expect.poll(() => lastBot().textContent(), { timeout: 15_000 }).toContain('Nội dung thông báo');
    const body = 'Phường Cửa Nam công nhận mô hình "Ngõ phố xanh" năm 2026 (tin thử trong trình duyệt).';
    await say(staff, body);
    await expect.poll(() => lastBot().textContent(), { timeout: 15_000 }).toContain('Xem trước');
    await lastBot().locator('button', { hasText: /^Gửi$/ }).click();
    // "Sending" is the answer to the tap; a one-recipient broadcast may already have reported "sent" after it.
    await staff.locator('#log .msg.bot', { hasText: 'Đang gửi thông báo' }).waitFor({ timeout: 15_000 });

    // The resident's page was never reloaded: the announcement is pushed into it.
    const announcement = resident.locator('#log .msg.bot', { hasText: 'Ngõ phố xanh' });
    await announcement.waitFor({ timeout: 30_000 });
    expect(await botBubbles(resident).count()).toBeGreaterThan(before);
    expect(await resident.evaluate<number>("performance.getEntriesByType('navigation').length")).toBe(1); // no reload
    expect(await announcement.textContent()).toContain('hủy nhận tin');
    await staff.screenshot({ path: path.join(SCREENSHOTS, 'console-broadcaster-sends.png'), fullPage: true });
    await resident.screenshot({ path: path.join(SCREENSHOTS, 'console-broadcast-arrives-live.png'), fullPage: true });
    await staff.close();
    await resident.close();
  });

  it('reviewer: the statistics chart is displayed as an image', async () => {
    const page = await openAs('browser-reviewer', 'reviewer', 'console');
    await say(page, 'thống kê mô hình của phường năm nay');
    const chart = page.locator('#log img.attachment');
    await chart.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.evaluate<number>("document.querySelector('#log img.attachment').naturalWidth"), { timeout: 10_000 }).toBe(800);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-statistics-chart.png'), fullPage: true });
    await page.close();
  });
});
