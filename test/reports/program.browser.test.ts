import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { assertFitsPhone, PHONE } from '../helpers/phoneLayout';
import { ARTIFACTS, assertAccessible, CHROMIUM, launchChromium, signIn, watchedPage } from '../staff/browserSupport';
import { StaffHarness } from '../staff/staffHarness';
import { RANGE, seedFixture } from './fixture';

/** What each Tab press lands on: a chart (its figure's id), a table region (its table's id), or another control. */
const FOCUSED = `(() => {
  const el = document.activeElement;
  const figure = el && el.closest && el.closest('figure');
  if (figure && el.tagName.toLowerCase() === 'svg') return 'chart:' + figure.id;
  const table = el && el.querySelector && el.matches('.table-scroll') && el.querySelector('table');
  if (table) return 'table:' + table.id;
  return el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') : 'none';
})()`;

describe('Program page in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed (apt-get install chromium)' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  const problems: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await StaffHarness.start({ PROGRAM_TIMEZONE: 'America/Chicago' });
    await seedFixture(s.services.store);
    await s.account('director@clinic.org', 'admin', { language: 'en' });
    await s.account('directora@clinic.org', 'admin', { language: 'es' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function openReport(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await watchedPage(browser, problems, { viewport, responses: true });
    await signIn(page, s.base, email, `/staff/reports?from=${RANGE.from}&to=${RANGE.to}`);
    await page.locator('#report:not([hidden])').waitFor();
    return page;
  }

  for (const [email, language, adherence, heading] of [
    ['director@clinic.org', 'en', /Morning\s+7\s+3\s+42\.9%/, 'Program'],
    ['directora@clinic.org', 'es', /Mañana\s+7\s+3\s+42,9\s?%/, 'Programa'],
  ] as const) {
    const chartTitle = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', language, 'staff.json'), 'utf8')) as { reports: { adherence: { chartTitle: string } } }).reports.adherence.chartTitle;
    it(`shows the figures with charts and tables in ${language}; charts and tables are reached by keyboard; axe passes`, async () => {
      const page = await openReport(email);
      assert.equal(await page.locator('html').getAttribute('lang'), language);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), heading);
      assert.match(await page.locator('#rows-adherence').innerText(), adherence);
      assert.match(await page.locator('#report-participants').innerText(), /4[\s\S]*3[\s\S]*1[\s\S]*1/);
      assert.match(await page.locator('#rows-ack').innerText(), /10\s+50[\s\S]*45\s+120/);
      // Each chart is an image named by its title, with the numbers in its description.
      const chart = page.getByRole('img', { name: chartTitle });
      assert.equal(await chart.count(), 1);
      assert.match((await page.locator('#chart-flags desc').textContent()) ?? '', /3[\s\S]*2[\s\S]*1[\s\S]*1/);
      assert.equal(await page.locator('#chart-bam circle.point').count(), 3);

      await page.locator('#report-export').focus();
      const reached = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        reached.add(await page.evaluate<string>(FOCUSED));
      }
      for (const stop of ['chart:chart-adherence', 'chart:chart-flags', 'chart:chart-bam', 'table:table-adherence', 'table:table-flags', 'table:table-ack', 'table:table-scores', 'table:table-bam']) {
        assert.ok(reached.has(stop), `Tab reaches ${stop} (reached: ${[...reached].join(', ')})`);
      }
      // The focused chart shows where focus is.
      await page.locator('#chart-flags svg').focus();
      const outline = await page.locator('#chart-flags svg').evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.equal(outline, 'solid');

      await assertAccessible(page, `Program (${language})`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-program-${language}.png`), fullPage: true });
      await page.context().close();
    });
  }

  it('fits a phone (es) and passes axe there', async () => {
    const page = await openReport('directora@clinic.org', PHONE);
    await assertFitsPhone(page, 'Program (es, phone)');
    await assertAccessible(page, 'Program (es, phone)');
    await page.screenshot({ path: join(ARTIFACTS, 'staff-phone-program-es.png'), fullPage: true });
    await page.context().close();
    assert.deepEqual(problems, []);
  });
});
