import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { Language } from '../../bot/i18n';
import { ARTIFACTS, assertAccessible, CHROMIUM, launchChromium, signIn } from './browserSupport';
import { StaffHarness } from './staffHarness';

/**
 * The Lessons admin page in Chromium, in English and Spanish: an admin gives
 * a track's week a lesson from the library through the form, sees it in the
 * plan with the lesson's title in their language, and the store holds it;
 * a date that is not a Monday is refused and nothing is added. axe-core finds
 * no serious violation, before and after.
 */
describe('the Lessons admin page in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  const problems: string[] = [];

  const CASES: Record<Language, { email: string; track: 'morning' | 'evening'; week: string; lessonId: string; trackLabel: RegExp; weekLabel: RegExp; lessonLabel: RegExp; save: string; saved: RegExp; notMonday: string }> = {
    en: { email: 'admin.en@clinic.org', track: 'evening', week: '2025-03-10', lessonId: 'halt', trackLabel: /^Track$/, weekLabel: /Week/, lessonLabel: /^Lesson$/, save: 'Save', saved: /Saved: .* for the week of 2025-03-10/, notMonday: '2025-03-12' },
    es: { email: 'admin.es@clinic.org', track: 'morning', week: '2025-03-17', lessonId: 'boxBreathing', trackLabel: /^Horario$/, weekLabel: /Semana/, lessonLabel: /^Lección$/, save: 'Guardar', saved: /Guardado: .* para la semana del 2025-03-17/, notMonday: '2025-03-19' },
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await StaffHarness.start();
    await s.account('admin.en@clinic.org', 'admin', { language: 'en' });
    await s.account('admin.es@clinic.org', 'admin', { language: 'es' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function lessonsPage(language: Language): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await signIn(page, s.base, CASES[language].email, '/staff/lessons');
    // Loaded: the status line says the plan is empty, or is hidden once it has rows.
    const loading = s.services.i18n.getFixedT(language)('staff:app.loading');
    await page.waitForFunction((text) => {
      const status = document.getElementById('load-status');
      return status !== null && (status.hidden || status.textContent !== text);
    }, loading);
    return page;
  }

  for (const language of ['en', 'es'] as const) {
    it(`${language}: assigns a lesson to a week of a track and lists it in the plan`, async () => {
      const c = CASES[language];
      const t = s.services.i18n.getFixedT(language);
      const lesson = s.services.lessons.library.get(c.lessonId)!;
      const page = await lessonsPage(language);
      await assertAccessible(page, `lessons ${language}`);
      const form = page.locator('#lesson-form');

      // Not a Monday: refused with the reason, nothing added.
      await form.getByLabel(c.trackLabel).selectOption(c.track);
      await form.getByLabel(c.weekLabel).fill(c.notMonday);
      await form.getByLabel(c.lessonLabel).selectOption(c.lessonId);
      await form.getByRole('button', { name: c.save }).click();
      await page.locator('#notice.error').waitFor();
      assert.equal(await s.services.lessons.assignments.get(c.track, c.notMonday), undefined);

      await form.getByLabel(c.weekLabel).fill(c.week);
      await form.getByRole('button', { name: c.save }).click();
      await page.locator('#notice').filter({ hasText: c.saved }).waitFor();
      const row = page.locator(`#lesson-rows tr[data-track="${c.track}"][data-week="${c.week}"]`);
      await row.waitFor();
      const cells = await row.locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(0, 4), [t(`staff:track.${c.track}`), c.week, t(lesson.titleKey), c.email]);
      assert.equal((await s.services.lessons.assignments.get(c.track, c.week))?.lessonId, c.lessonId);

      await assertAccessible(page, `lessons ${language}, assigned`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-lessons-${language}.png`), fullPage: true });
      await page.context().close();
      assert.deepEqual(problems, []);
    });
  }
});
