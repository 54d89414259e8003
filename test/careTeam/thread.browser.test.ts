import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { STORE_FACTORIES } from '../helpers/stores';
import { ARTIFACTS, assertAccessible, CHROMIUM, launchChromium, signIn, watchedPage } from '../staff/browserSupport';
import { PASSWORD } from '../staff/staffHarness';
import { CareTeamWorld, COUNSELLOR, t } from './support';

const SPANISH_CLINICIAN = 'lucia.gomez@clinic.example';

describe('the care-team thread in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed (apt-get install chromium)' }, () => {
  let w: CareTeamWorld;
  let browser: Browser;
  let participantId: string;
  let user: { id: string; channelId: string };
  const problems: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    w = await CareTeamWorld.start(STORE_FACTORIES[0]);
    await w.h.app.staff.core.accounts.add({ email: SPANISH_CLINICIAN, role: 'clinician', password: PASSWORD, language: 'es' });
    const made = await w.participant('es', 'sms', 'Rosa Núñez');
    participantId = made.p.id;
    user = made.user;
    await w.h.app.services.flags.raise({ id: 'checkin:urgent', participantId, source: 'checkin', reasons: [{ code: 'safety_yes', severity: 'urgent' }] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  async function signedInPage(email: string, path: string): Promise<Page> {
    const page = await watchedPage(browser, problems);
    await signIn(page, w.h.baseUrl, email, path);
    await page.locator('#thread-form').waitFor();
    return page;
  }

  it('a clinician opens the urgent flag, writes, sees the reply appear without a reload, and ends the conversation', async () => {
    const page = await signedInPage(COUNSELLOR.email, `/staff/flags/${encodeURIComponent(participantId)}/checkin%3Aurgent`);
    assert.equal(await page.locator('#thread-messages li.empty').innerText(), t('en', 'staff:thread.empty'));
    await assertAccessible(page, 'flag thread (en)', '#thread');

    // The counter follows the text; over 2 segments the form refuses it.
    await page.locator('#thread-text').fill('¿Cómo está? '.repeat(14));
    await page.locator('#thread-count.error').waitFor();
    assert.match(await page.locator('#thread-count').innerText(), /limit is 2/);
    assert.equal(await page.locator('#thread-send').isDisabled(), true);

    const text = 'Hola Rosa, ¿cómo está hoy?';
    await page.locator('#thread-text').fill(text);
    await page.getByText('1 of 2 text messages (SMS)').waitFor();
    // The channel answers only once a poll has shown the message as "Sending" (as a slow channel makes it):
    // the answer to the send then puts "Delivered" on that same item, without a reload.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    w.h.connector.hold = () => answered;
    await page.getByRole('button', { name: t('en', 'staff:thread.send') }).click();
    const sent = page.locator('#thread-messages li.to-participant', { hasText: text });
    await sent.filter({ hasText: t('en', 'staff:thread.delivery.pending') }).waitFor();
    answer();
    w.h.connector.hold = undefined;
    await sent.filter({ hasText: t('en', 'staff:thread.delivery.sent') }).waitFor();
    assert.equal(await sent.count(), 1);
    assert.match(await sent.innerText(), /Maria \(care team\)[\s\S]*Delivered to the channel/);
    assert.equal(w.received(user)[0], t('es', 'careteam:message.signedSms', { text, name: COUNSELLOR.name }));
    await page.locator('#thread-end:not([hidden])').waitFor();

    // The participant answers on their phone: it shows up on the open page within 10 seconds.
    w.clock.advance(60_000);
    const url = page.url();
    assert.deepEqual(await w.h.say(user, 'Estoy mejor, gracias'), []);
    await page.locator('#thread-messages li.from-participant', { hasText: 'Estoy mejor, gracias' }).waitFor({ timeout: 10_000 });
    assert.equal(page.url(), url, 'no reload');
    await assertAccessible(page, 'flag thread with messages (en)', '#thread');
    await page.locator('#thread').screenshot({ path: join(ARTIFACTS, 'care-thread-en.png') });

    await page.getByRole('button', { name: t('en', 'staff:thread.end') }).click();
    await page.getByText(t('en', 'staff:thread.closed')).waitFor();
    assert.equal(w.received(user).at(-1), t('es', 'careteam:handoff.ended'));
    assert.deepEqual(problems, []);
  });

  it('the participant page shows the thread in Spanish, and it passes axe', async () => {
    const page = await signedInPage(SPANISH_CLINICIAN, `/staff/participants/${encodeURIComponent(participantId)}`);
    await page.locator('#thread-messages li.from-participant').waitFor();
    assert.equal(await page.locator('#thread-title').innerText(), t('es', 'staff:thread.title'));
    assert.match(await page.locator('#thread-messages').innerText(), /Maria \(equipo de atención\)[\s\S]*Participante/);
    await page.locator('#thread-text').fill('Hola');
    await page.getByText('1 de 2 mensajes de texto (SMS)').waitFor();
    await assertAccessible(page, 'participant thread (es)', '#thread');
    await page.locator('#thread').screenshot({ path: join(ARTIFACTS, 'care-thread-es.png') });
    assert.deepEqual(problems, []);
  });
});
