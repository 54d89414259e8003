import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { Language } from '../../bot/i18n';
import { ARTIFACTS, assertAccessible, CHROMIUM, launchChromium, signIn } from './browserSupport';
import { StaffHarness } from './staffHarness';

/**
 * The questionnaire settings on the participant's page in Chromium, in
 * English (a clinician) and Spanish (an admin): the program defaults named,
 * full measures every N weeks and the substance-use program saved through the
 * form, a number out of range refused with the reason and nothing saved.
 */
describe('questionnaire settings on the participant page in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  const problems: string[] = [];

  const WORDS: Record<Language, { email: string; full: RegExp; substance: RegExp; fullEvery: RegExp; bamEvery: RegExp; save: RegExp; hint: string; saved: string; summary: string; refused: RegExp }> = {
    en: {
      email: 'clin@clinic.org',
      full: /full PHQ-9 and GAD-7 every few weeks/,
      substance: /program includes substance use/,
      fullEvery: /Weeks between full questionnaires/,
      bamEvery: /Weeks between BAMs/,
      save: /Save questionnaire settings/,
      hint: "Blank: the program's default, 4 weeks.",
      saved: 'Questionnaire settings saved.',
      summary: 'Now: the full PHQ-9 and GAD-7 every 6 weeks. BAM every 4 weeks.',
      refused: /^Weeks between BAMs: This is too large \(at most 52\)\.$/,
    },
    es: {
      email: 'admin.es@clinic.org',
      full: /el PHQ-9 y el GAD-7 completos cada pocas semanas/,
      substance: /programa incluye uso de sustancias/,
      fullEvery: /Semanas entre cuestionarios completos/,
      bamEvery: /Semanas entre BAM/,
      save: /Guardar la configuración de cuestionarios/,
      hint: 'En blanco: lo predeterminado del programa, 4 semanas.',
      saved: 'Configuración de cuestionarios guardada.',
      summary: 'Ahora: el PHQ-9 y el GAD-7 completos cada 6 semanas. BAM cada 4 semanas.',
      refused: /^Semanas entre BAM: Es demasiado grande \(como máximo 52\)\.$/,
    },
  };
  const ids: Partial<Record<Language, string>> = {};

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await StaffHarness.start();
    await s.account('clin@clinic.org', 'clinician', { language: 'en' });
    await s.account('admin.es@clinic.org', 'admin', { language: 'es' });
    ids.en = (await s.participant('Ana María Ruiz', { language: 'en' })).id;
    ids.es = (await s.participant('José Núñez', { language: 'es' })).id;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function participantPage(language: Language): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await signIn(page, s.base, WORDS[language].email, `/staff/participants/${encodeURIComponent(ids[language]!)}`);
    await page.locator('#participant:not([hidden])').waitFor();
    return page;
  }

  for (const language of ['en', 'es'] as const) {
    it(`${language}: sets full measures every 6 weeks and the substance-use program; refuses 60 weeks`, async () => {
      const words = WORDS[language];
      const page = await participantPage(language);
      const section = page.locator('#measure-settings');
      await section.scrollIntoViewIfNeeded();
      await page.locator('#measures-full-hint').filter({ hasText: words.hint }).waitFor();
      const fullEvery = section.getByLabel(words.fullEvery);
      const bamEvery = section.getByLabel(words.bamEvery);
      assert.equal(await fullEvery.isDisabled(), true, 'weeks count only with their choice');
      await assertAccessible(page, `measure settings ${language}`);

      await section.getByLabel(words.full).check();
      await fullEvery.fill('6');
      await section.getByLabel(words.substance).check();
      assert.equal(await bamEvery.isEnabled(), true);
      await section.getByRole('button', { name: words.save }).click();
      await page.getByText(words.saved).first().waitFor();
      await page.locator('#measures-summary').filter({ hasText: words.summary }).waitFor();
      const stored = await s.services.participants.get(ids[language]!);
      assert.deepEqual([stored?.fullMeasures, stored?.fullMeasuresEveryWeeks, stored?.substanceUse, stored?.bamEveryWeeks ?? null], [true, 6, true, null]);
      await page.screenshot({ path: join(ARTIFACTS, `staff-measure-settings-${language}.png`), fullPage: true });

      // Past the browser's own max check (the field's max is 52): the server refuses, and the page names the field in its own language.
      await bamEvery.evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
      await bamEvery.fill('60');
      await section.getByRole('button', { name: words.save }).click();
      await page.getByText(words.refused).first().waitFor();
      assert.equal((await s.services.participants.get(ids[language]!))?.bamEveryWeeks ?? null, null, 'nothing saved');

      // Reloaded, the form shows what is stored.
      await page.reload();
      await page.locator('#measures-summary').filter({ hasText: words.summary }).waitFor();
      assert.equal(await section.getByLabel(words.full).isChecked(), true);
      assert.equal(await fullEvery.inputValue(), '6');
      assert.equal(await bamEvery.inputValue(), '');
      await assertAccessible(page, `measure settings ${language}, saved`);
      await page.context().close();
      assert.deepEqual(problems, []);
    });
  }
});
