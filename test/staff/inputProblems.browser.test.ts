import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { createI18n, Language } from '../../bot/i18n';
import { CHROMIUM, launchChromium, signIn } from './browserSupport';
import { StaffHarness } from './staffHarness';

const i18n = createI18n();
const t = (language: Language, key: string, vars: Record<string, unknown> = {}) => i18n.getFixedT(language)(`staff:${key}`, vars);
const fieldText = (language: Language, field: string, problem: string) => t(language, 'app.invalidField', { field: t(language, `app.field.${field}`), problem: t(language, `app.invalid.${problem}`) });

/**
 * Input the staff API refuses, said in the dashboard's language: the API
 * answers with a stable problem code (and its English message for API
 * readers); the page says it from the locale, never the English message.
 */
describe('refused input on the dashboard in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  const problems: string[] = [];

  before(async () => {
    s = await StaffHarness.start();
    await s.account('admin-en@clinic.org', 'admin', { language: 'en' });
    await s.account('admin-es@clinic.org', 'admin', { language: 'es' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    return page;
  }

  for (const language of ['en', 'es'] as const) {
    it(`${language}: the enrollment form says what is wrong with a blank name and a check-in time in quiet hours, in ${language}`, async () => {
      const page = await newPage();
      await signIn(page, s.h.baseUrl, `admin-${language}@clinic.org`, '/staff/participants');
      const result = page.locator('#enroll-result');

      // Spaces pass the browser's `required`; the server trims them away.
      await page.locator('#pf-name').fill('   ');
      await page.locator('#enroll-form button[type="submit"]').click();
      await result.locator('.error').waitFor();
      assert.equal(await result.textContent(), fieldText(language, 'displayName', 'required'));

      await page.locator('#pf-name').fill('Rosa Núñez');
      await page.locator('#pf-checkin').fill('23:30');
      const expected = fieldText(language, 'checkinTime', 'not_allowed');
      await page.locator('#enroll-form button[type="submit"]').click();
      await page.waitForFunction((text) => document.getElementById('enroll-result')?.textContent === text, expected);
      const said = await result.textContent();
      assert.doesNotMatch(said ?? '', /must be|check-in time must/, 'not the API\'s English message');
      assert.equal((await s.services.participants.list()).length, 0, 'nobody was enrolled');
      await page.context().close();
    });
  }

  it('no page errors', () => assert.deepEqual(problems, []));
});
