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
 * statistics chart is shown as an image. Screenshots go to test-results/.
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
    t = await startTestApp({ database: db });
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
