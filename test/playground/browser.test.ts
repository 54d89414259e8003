import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import axe from 'axe-core';
import type { TFunction } from 'i18next';
import type { Browser, Locator, Page } from 'playwright-core';
import { BotHarness } from '../helpers/botHarness';
import { translatorFor } from '../../bot/i18n';
import { assertFitsPhone, PHONE } from '../helpers/phoneLayout';
import { ARTIFACTS_DIR, WatchedPage, launchChromium, openWatched, startingAt } from './support';

/**
 * The playground in Debian's Chromium against the real Puente bot: Web Chat
 * loaded from this app only, Spanish on "hola", a check-in finished with Teams
 * card buttons, numbered SMS options, and the check-in prompt on request.
 * Screenshots go to test/artifacts/.
 */
let h: BotHarness;
let browser: Browser;
let en: TFunction;
let es: TFunction;

before(async () => {
  // Tuesday 1 December 2026, 10:00 in New York: a weekday without the weekly screen.
  h = await BotHarness.start({ clock: startingAt('2026-12-01T15:00:00Z') });
  browser = await launchChromium();
  en = translatorFor(h.app.services.i18n, 'en');
  es = translatorFor(h.app.services.i18n, 'es');
});
after(async () => {
  await browser?.close();
  await h?.stop();
});

async function open(query: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const watched = await openWatched(browser, h.baseUrl, viewport);
  await watched.page.goto(`${h.baseUrl}/playground${query}`);
  await connected(watched.page);
  return watched;
}

/** The status line says "connected" once the session exists and Web Chat is rendered. */
async function connected(page: Page): Promise<void> {
  const locale = await page.locator('body').getAttribute('data-locale');
  const t = locale === 'es-US' ? es : en;
  await page.locator('#status', { hasText: t('playground:page.ready') }).waitFor();
}

function sendBox(page: Page): Locator {
  return page.locator('#webchat').getByRole('textbox');
}

async function type(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

/** A bot message whose visible text contains `text`. */
function botSaid(page: Page, text: string): Locator {
  return page.locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user)', { hasText: shown(text) }).last();
}

/** `text` as Web Chat shows markdown: with typographic apostrophes ("it's" → "it’s"). */
function shown(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
}

function lastCard(page: Page): Locator {
  return page.locator('#webchat .ac-adaptiveCard').last();
}

/** Clicks a button on the newest card once it shows `question`. */
async function answerCard(page: Page, question: string, button: string): Promise<void> {
  const card = lastCard(page);
  await card.getByText(question).waitFor();
  await card.getByRole('button', { name: button, exact: true }).click();
}

async function finish(watched: WatchedPage, screenshot: string): Promise<void> {
  await watched.page.screenshot({ path: join(ARTIFACTS_DIR, screenshot), fullPage: true });
  assert.deepEqual(watched.foreignRequests, [], 'the page fetches nothing from the network');
  assert.deepEqual(watched.consoleErrors, [], 'no script errors and no Content-Security-Policy violations');
  await watched.context.close();
}

/** axe-core in the page; serious and critical violations fail. */
async function assertAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], label);
}

async function userIdOf(page: Page): Promise<string> {
  const id = await page.evaluate(() => window.localStorage.getItem('puente.playground.userId'));
  assert.ok(id);
  return id;
}

test('es-US: typing "hola" gets the Spanish greeting and menu', async () => {
  const watched = await open('?locale=es-US');
  const { page } = watched;
  assert.equal(await page.locator('html').getAttribute('lang'), 'es-US');

  await type(page, 'hola');
  await botSaid(page, es('common:menu.greeting', { name: es('playground:participant.displayName') })).waitFor();
  // Web Chat preview: the menu as suggested actions, in Spanish.
  const suggested = page.locator('#webchat .webchat__suggested-actions');
  await suggested.getByRole('button', { name: es('common:menu.checkin'), exact: true }).first().waitFor();
  assert.ok((await suggested.innerText()).includes(es('common:menu.tip')));
  await finish(watched, 'playground-webchat-es.png');
});

test('msteams preview: a whole check-in answered by clicking Adaptive Card buttons', async () => {
  const watched = await open('?channel=msteams&locale=en-US');
  const { page } = watched;
  await type(page, 'hi');
  await answerCard(page, en('common:menu.greeting', { name: en('playground:participant.displayName') }), en('common:menu.checkin'));
  await answerCard(page, en('checkin:mood.ask'), '7');
  await answerCard(page, en('checkin:craving.ask'), '2');
  await answerCard(page, en('checkin:use.ask'), en('checkin:use.no'));
  const sleepCard = lastCard(page);
  await sleepCard.getByText(en('checkin:sleep.ask')).waitFor();
  await sleepCard.getByRole('spinbutton').fill('7.5');
  await sleepCard.getByRole('button', { name: en('prompts:send'), exact: true }).click();
  await answerCard(page, en('checkin:medication.ask'), en('checkin:medication.yes'));
  await answerCard(page, en('checkin:wishedDead.ask'), en('prompts:no'));
  await answerCard(page, en('checkin:suicidalThoughts.ask'), en('prompts:no'));
  await answerCard(page, en('checkin:note.ask'), en('prompts:skip'));
  await botSaid(page, en('checkin:thanks')).waitFor();

  const participant = await h.app.services.participants.findByChannelUser('msteams', await userIdOf(page));
  const record = await h.app.services.checkins.get(participant!.id, '2026-12-01');
  assert.equal(record?.status, 'complete');
  assert.equal(record?.channel, 'msteams');
  assert.deepEqual(record?.answers, {
    mood: 7,
    craving: 2,
    use: 'no',
    sleepHours: 7.5,
    medication: 'yes',
    wishedDead: false,
    suicidalThoughts: false,
    note: null,
  });
  await finish(watched, 'playground-msteams-checkin-en.png');
});

for (const [locale, t, start, width] of [
  ['en-US', () => en, 'check in', 1280],
  ['es-US', () => es, 'registro', 390],
] as const) {
  test(`msteams ${locale} at ${width} px: a 0-10 scale shows as rows of buttons under its question, as Teams lays it out`, async () => {
    const watched = await open(`?channel=msteams&locale=${locale}`, { width, height: 844 });
    const { page } = watched;
    await type(page, start);
    const card = lastCard(page);
    const question = card.getByText(t()('checkin:mood.ask'));
    await question.waitFor();
    const boxes = await Promise.all(
      Array.from({ length: 11 }, (_, n) => card.getByRole('button', { name: String(n), exact: true }).boundingBox()),
    );
    const rows = [...new Set(boxes.map((b) => Math.round(b!.y)))];
    assert.equal(rows.length, 2, `two rows of buttons, not ${rows.length}`);
    assert.deepEqual(boxes.map((b) => Math.round(b!.y)), [...Array(6).fill(rows[0]), ...Array(5).fill(rows[1])], '0-5, then 6-10');
    const questionBox = (await question.boundingBox())!;
    assert.ok(rows[0] > questionBox.y + questionBox.height - 1, 'the buttons sit under the question');
    const cardBox = (await card.boundingBox())!;
    for (const box of boxes) {
      assert.ok(box!.width < cardBox.width / 4, `a button is ${box!.width} px of a ${cardBox.width} px card`);
      assert.ok(box!.x >= cardBox.x && box!.x + box!.width <= cardBox.x + cardBox.width + 0.5, 'inside the card');
    }
    // The left edges line up row by row (left-aligned, like Teams), and the scale still answers.
    assert.equal(Math.round(boxes[0]!.x), Math.round(boxes[6]!.x));
    await assertAccessible(page, `msteams scale ${locale}`);
    await card.getByRole('button', { name: '7', exact: true }).click();
    await lastCard(page).getByText(t()('checkin:craving.ask')).waitFor();
    await finish(watched, `playground-msteams-scale-${locale}-${width}.png`);
  });
}

for (const [locale, t, hello] of [
  ['es-US', () => es, 'hola'],
  ['en-US', () => en, 'hi'],
] as const) {
  test(`${locale}: switching the preview to sms with the keyboard shows the menu as numbered plain-text options`, async () => {
    const watched = await open(`?channel=msteams&locale=${locale}`);
    const { page } = watched;
    await page.getByLabel(t()('playground:page.channel')).selectOption('sms');
    await page.getByRole('button', { name: t()('playground:page.apply') }).press('Enter');
    await page.waitForURL(/channel=sms/);
    await connected(page);

    await type(page, hello);
    const menu = botSaid(page, t()('common:menu.greeting', { name: t()('playground:participant.displayName') }));
    await menu.waitFor();
    // Plain text keeps the SMS line breaks (Web Chat shows one paragraph per line).
    const lines = (await menu.innerText()).split('\n').filter((line) => line.trim() !== '');
    assert.deepEqual(lines.slice(1, 3), [`1 ${t()('common:menu.checkin')}`, `2 ${t()('common:menu.tip')}`]);
    assert.equal(await page.locator('#webchat .ac-adaptiveCard').count(), 0, 'no cards on SMS');
    assert.equal(await page.locator('#webchat .webchat__suggested-actions button').count(), 0, 'no buttons on SMS');
    await finish(watched, `playground-sms-${locale}.png`);
  });
}

for (const [channel, locale, t] of [
  ['sms', 'es-US', () => es],
  ['msteams', 'en-US', () => en],
] as const) {
  test(`${channel} ${locale}: "send my check-in prompt now" delivers the outreach prompt into the conversation`, async () => {
    const watched = await open(`?channel=${channel}&locale=${locale}`);
    const { page } = watched;
    await page.getByRole('button', { name: t()('playground:page.checkinPrompt') }).click();
    await page.locator('#status', { hasText: t()('playground:page.promptSent') }).waitFor();
    await botSaid(page, t()('outreach:checkin.prompt')).waitFor();
    await finish(watched, `playground-prompt-${channel}-${locale}.png`);
  });
}

test('webchat en-US: the proactive check-in prompt carries a "Check in" button that starts the check-in', async () => {
  const watched = await open('?locale=en-US');
  const { page } = watched;
  await page.getByRole('button', { name: en('playground:page.checkinPrompt') }).click();
  await botSaid(page, en('outreach:checkin.prompt')).waitFor();
  const suggested = page.locator('#webchat .webchat__suggested-actions');
  await suggested.getByRole('button', { name: en('common:menu.checkin'), exact: true }).click();
  await botSaid(page, en('checkin:mood.ask')).waitFor();
  await finish(watched, 'playground-prompt-button-en.png');
});

for (const [channel, locale, t, stop, start] of [
  ['sms', 'es-US', () => es, 'PARAR', 'REANUDAR'],
  ['sms', 'en-US', () => en, 'STOP', 'START'],
  ['webchat', 'es-US', () => es, 'PARAR', 'REANUDAR'],
] as const) {
  test(`${channel} ${locale}: after ${stop}, the check-in prompt button says in words why nothing was sent; the words go after ${start}`, async () => {
    const watched = await open(`?channel=${channel}&locale=${locale}`);
    const { page } = watched;
    const status = page.locator('#status');
    await type(page, stop);
    await botSaid(page, t()('safety:optOut.confirmed')).waitFor();
    await page.getByRole('button', { name: t()('playground:page.checkinPrompt') }).click();
    await status.filter({ hasText: t()('playground:page.promptNotSent.optedOut') }).waitFor();
    assert.doesNotMatch(await status.innerText(), /\(|optedOut|\?/, 'no internal code on the page');
    await assertAccessible(page, `not sent ${channel} ${locale}`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, `playground-not-sent-${channel}-${locale}.png`), fullPage: true });

    await type(page, start);
    await botSaid(page, t()('safety:optIn.confirmed')).waitFor();
    assert.equal(await status.innerText(), '', 'the reason no longer holds');
    await page.getByRole('button', { name: t()('playground:page.checkinPrompt') }).click();
    await status.filter({ hasText: t()('playground:page.promptSent') }).waitFor();
    await finish(watched, `playground-resumed-${channel}-${locale}.png`);
  });
}

for (const [locale, t] of [
  ['en-US', () => en],
  ['es-US', () => es],
] as const) {
  test(`${locale}: after today's check-in is done, the button says so instead of sending`, async () => {
    const watched = await open(`?channel=sms&locale=${locale}`);
    const { page } = watched;
    const participant = await h.app.services.participants.findByChannelUser('sms', await userIdOf(page));
    const record = h.app.services.checkins.start({ participantId: participant!.id, timeZone: participant!.timeZone, language: participant!.language, channel: 'sms' });
    await h.app.services.checkins.save({ ...record, status: 'complete', finishedAt: record.startedAt });
    await page.getByRole('button', { name: t()('playground:page.checkinPrompt') }).click();
    await page.locator('#status', { hasText: t()('playground:page.promptNotSent.answered') }).waitFor();
    await finish(watched, `playground-already-done-${locale}.png`);
  });
}

test('"start over" removes the participant and starts a new playground user', async () => {
  const watched = await open('?channel=sms&locale=en-US');
  const { page } = watched;
  const first = await userIdOf(page);
  assert.ok(await h.app.services.participants.findByChannelUser('sms', first));

  await page.getByRole('button', { name: en('playground:page.startOver') }).click();
  await page.waitForFunction((old) => {
    const now = window.localStorage.getItem('puente.playground.userId');
    return now !== null && now !== old;
  }, first);
  await connected(page);
  assert.equal(await h.app.services.participants.findByChannelUser('sms', first), undefined);
  assert.ok(await h.app.services.participants.findByChannelUser('sms', await userIdOf(page)));
  await finish(watched, 'playground-start-over.png');
});


for (const locale of ['es-US', 'en-US'] as const) {
  test(`the page has no serious accessibility problems (axe-core, ${locale})`, async () => {
    const watched = await open(`?locale=${locale}`);
    await assertAccessible(watched.page, locale);
    await finish(watched, `playground-axe-${locale}.png`);
  });
}

for (const [channel, locale, t, hello] of [
  ['webchat', 'en-US', () => en, 'hi'],
  ['msteams', 'es-US', () => es, 'hola'],
  ['sms', 'es-US', () => es, 'hola'],
  ['sms', 'en-US', () => en, 'hi'],
] as const) {
  test(`${channel} ${locale} on a ${PHONE.width} px phone: the chat fills the first screen, nothing is cut off, axe passes`, async () => {
    const watched = await open(`?channel=${channel}&locale=${locale}`, PHONE);
    const { page } = watched;
    await type(page, hello);
    await botSaid(page, t()('common:menu.greeting', { name: t()('playground:participant.displayName') })).waitFor();
    await assertFitsPhone(page, `playground ${channel} ${locale}`);
    // Above the fold: the greeting, its options and the box to type in, without scrolling the page.
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const sendBox = (await page.locator('#webchat').getByRole('textbox').boundingBox())!;
    assert.ok(sendBox.y + sendBox.height <= PHONE.height, `the send box is on the first screen (bottom at ${sendBox.y + sendBox.height} px)`);
    const greeting = (await botSaid(page, t()('common:menu.greeting', { name: t()('playground:participant.displayName') })).boundingBox())!;
    assert.ok(greeting.y >= 0 && greeting.y + 20 <= PHONE.height, `the reply is on the first screen (top at ${greeting.y} px)`);
    assert.ok(greeting.x + greeting.width <= PHONE.width, 'the reply fits across');
    const option = channel === 'sms' ? botSaid(page, `1 ${t()('common:menu.checkin')}`) : page.locator('#webchat').getByRole('button', { name: t()('common:menu.checkin'), exact: true }).first();
    const optionBox = (await option.boundingBox())!;
    assert.ok(optionBox.y + optionBox.height <= PHONE.height, 'the first option is on the first screen');
    // The settings and actions follow the chat, whole.
    await page.getByRole('button', { name: t()('playground:page.checkinPrompt') }).scrollIntoViewIfNeeded();
    await assertFitsPhone(page, `playground ${channel} ${locale}, scrolled to the actions`);
    await assertAccessible(page, `playground ${channel} ${locale} (phone)`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await finish(watched, `playground-phone-${channel}-${locale}.png`);
  });
}
