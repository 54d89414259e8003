import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { emptyAnswers } from '../../bot/domain/checkins';
import { Language } from '../../bot/i18n';
import { ARTIFACTS, assertAccessible, CHROMIUM, launchChromium, signIn, watchedPage } from './browserSupport';
import { HIGH, MODERATE, StaffHarness, URGENT } from './staffHarness';

/**
 * The counsellor's screens in Chromium, in English and Spanish: the queue (a
 * row per participant, "raised … ago" moving on without a reload), the
 * participant list searched without accents, and the participant page (chart
 * with missed days, weekly screens, every answer, the audited number reveal).
 * axe-core finds no serious violation on any of them.
 */
describe('queue, participant list and participant page in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  let pid: string;
  const problems: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await StaffHarness.start();
    await s.account('clin-en@clinic.org', 'clinician', { language: 'en' });
    await s.account('clin-es@clinic.org', 'clinician', { language: 'es' });
    const p = await s.participant('José Núñez', { language: 'es' });
    pid = p.id;
    await s.services.participants.update(pid, (x) => void (x.createdAt = '2025-02-20T15:00:00.000Z'));
    await s.services.participants.link(pid, { channelId: 'sms', serviceUrl: s.h.connector.url, conversationId: 'c-jose', userId: '+15550100123', botId: 'puente-bot' });
    for (const [localDate, mood, screen] of [['2025-02-24', 6, true], ['2025-02-27', 4, false], ['2025-03-03', 3, true]] as const) {
      const c = s.services.checkins.start({ participantId: pid, timeZone: p.timeZone, language: 'es', channel: 'sms', localDate });
      await s.services.checkins.save({
        ...c,
        status: 'complete',
        answers: { ...emptyAnswers(), mood, craving: 5, sleepHours: 6, use: 'no', medication: 'not_prescribed', wishedDead: false, suicidalThoughts: false },
        screen: screen ? { phq2: mood < 5 ? 4 : 1, gad2: 2, items: { littleInterest: 1, feelingDown: 1, nervous: 1, cannotStopWorrying: 1 } } : null,
      });
    }
    await s.flag(pid, 'checkin:jose-high', HIGH);
    s.clock.advance(60_000);
    await s.flag(pid, 'checkin:jose-moderate', MODERATE);
    await s.flag((await s.participant('Zoe Quinn', { language: 'en' })).id, 'checkin:zoe', MODERATE);
    await s.services.flags.raise({
      id: 'crisis:stranger',
      participantId: 'unknown:abc',
      source: 'crisis',
      reasons: [{ ...URGENT[0], code: 'crisis_language', detail: { kind: 'overdose', rule: 'od-1' } }],
      message: 'help',
      sender: { channelId: 'sms', userId: '+15550100999', conversationId: 'c', serviceUrl: 'https://x' },
    });
    // The page is looked at 14 minutes after the last flag.
    s.clock.advance(14 * 60_000);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  const newPage = (): Promise<Page> => watchedPage(browser, problems);

  const WORDS: Record<Language, { ago: RegExp; later: RegExp; stranger: RegExp; reason: RegExp; missed: string; reveal: string }> = {
    en: { ago: /15 minutes ago/, later: /17 minutes ago/, stranger: /Not enrolled: SMS •••• 0999/, reason: /Crisis language in a message: overdose/, missed: 'Missed', reveal: 'Show the whole number' },
    es: { ago: /hace 15 minutos/, later: /hace 17 minutos/, stranger: /No inscrito\(a\): SMS •••• 0999/, reason: /Lenguaje de crisis en un mensaje: sobredosis/, missed: 'No hecho', reveal: 'Mostrar el número completo' },
  };

  for (const language of ['en', 'es'] as const) {
    it(`${language}: the queue groups a participant's flags, says the danger in words and keeps "raised … ago" current`, async () => {
      const page = await newPage();
      await page.clock.install({ time: new Date(s.clock()) });
      await signIn(page, s.base, `clin-${language}@clinic.org`);
      const rows = page.locator('#queue-rows tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 3, 'one row per participant or stranger');
      const stranger = await rows.nth(0).innerText();
      assert.match(stranger, WORDS[language].stranger);
      assert.match(stranger, WORDS[language].reason);
      assert.doesNotMatch(stranger, /od-1|overdose_|\(\?\)/, 'no rule id, no "(?)"');
      const jose = page.locator(`#queue-rows tr[data-participant-id="${pid}"]`);
      assert.equal(await jose.locator('.row-flags li').count(), 2, "José's two flags in his one row");
      assert.match(await jose.innerText(), WORDS[language].ago);
      if (language === 'es') assert.doesNotMatch(await page.locator('#queue-table').innerText(), /\b(ago|High|craving|threshold|Unknown)\b/, 'no English on the Spanish page');
      await assertAccessible(page, `queue ${language}`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-queue-grouped-${language}.png`), fullPage: true });
      // Two minutes on, without a reload.
      await page.clock.runFor(120_000);
      await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector(`#queue-rows`)!.textContent || ''), WORDS[language].later.source);
      await page.context().close();
    });

    it(`${language}: the participant list finds "nunez" and shows adherence, open flags and counsellor`, async () => {
      const page = await newPage();
      await signIn(page, s.base, `clin-${language}@clinic.org`, '/staff/participants');
      await page.getByRole('searchbox').fill('nunez');
      await page.getByRole('searchbox').press('Enter');
      await page.waitForURL(/q=nunez/);
      const rows = page.locator('#participant-rows tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1);
      const text = await rows.first().innerText();
      assert.match(text, /José Núñez/);
      assert.match(text, language === 'en' ? /2 open/ : /2 abiertas/);
      assert.match(text, language === 'en' ? /25% \(3 of 12 days\)/ : /25 % \(3 de 12 días\)/);
      await assertAccessible(page, `participants ${language}`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-participants-${language}.png`), fullPage: true });
      await page.context().close();
    });

    it(`${language}: the participant page charts 90 days with missed days, lists screens and answers, reveals the number on request`, async () => {
      const page = await newPage();
      await signIn(page, s.base, `clin-${language}@clinic.org`, `/staff/participants/${pid}`);
      await page.locator('#participant:not([hidden])').waitFor();
      const chart = page.locator('#chart svg[role="img"]');
      await chart.waitFor();
      assert.equal(await chart.locator('.missed-mark').count(), 9, '12 days since enrollment, 3 with a check-in');
      assert.equal(await page.locator('#chart-rows tr').count(), 90);
      assert.equal(await page.locator('#screen-rows tr').count(), 2);
      assert.match(await page.locator('#history-rows').innerText(), language === 'en' ? /Not prescribed/ : /Sin receta/);
      assert.equal(await page.locator('section#thread').count(), 1, 'the thread has its place');
      const contact = page.locator('#contact-rows');
      assert.match(await contact.innerText(), /•••• 0123/);
      assert.doesNotMatch(await contact.innerText(), /\+15550100123/);
      await assertAccessible(page, `participant ${language}`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-participant-${language}.png`), fullPage: true });
      await contact.getByRole('button', { name: WORDS[language].reveal }).click();
      await contact.getByText('+15550100123').waitFor();
      await page.context().close();
    });
  }

  it('had no page errors', () => {
    assert.deepEqual(problems, []);
  });
});
