import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { assertAccessible, CHROMIUM, launchChromium, signIn, watchedPage } from '../staff/browserSupport';
import { StaffHarness } from '../staff/staffHarness';

const EVIL = '<img src=x onerror="window.__pwned = 1"> no one can help';

describe('a safety episode in the staff dashboard (Chromium)', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed (apt-get install chromium)' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  let participantId: string;
  const problems: string[] = [];

  before(async () => {
    s = await StaffHarness.start();
    await s.account('clin@clinic.org', 'clinician');
    const p = await s.participant('Ana María Ruiz', { language: 'en' });
    participantId = p.id;
    const user = { id: '+15550100123', channelId: 'sms' };
    await s.services.participants.link(p.id, { channelId: 'sms', serviceUrl: s.h.connector.url, conversationId: `conv-${user.id}`, userId: user.id, botId: 'puente-bot' });
    for (const text of ['I want to kill myself', EVIL, 'help me']) await s.h.say(user, text);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function signedInPage(): Promise<Page> {
    const page = await watchedPage(browser, problems, { responses: true });
    await signIn(page, s.base, 'clin@clinic.org');
    return page;
  }

  it('the queue counts the messages; the flag lists each as text, names the kind, and "Safe to resume" ends the episode', async () => {
    const page = await signedInPage();
    const row = page.locator('#queue-rows tr').first();
    await row.waitFor();
    assert.match(await row.innerText(), /Urgent[\s\S]*Crisis language in a message: suicide[\s\S]*3 messages/);

    await row.getByRole('link', { name: 'Ana María Ruiz' }).click();
    await page.locator('#flag:not([hidden])').waitFor();
    const messages = page.locator('#flag-messages li');
    assert.equal(await messages.count(), 3);
    assert.match(await messages.nth(1).innerText(), /<img src=x onerror="window.__pwned = 1"> no one can help/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('#flag-messages img').count(), 0);
    assert.doesNotMatch(await page.locator('#flag-reasons').innerText(), /rule|lexicon/);

    await assertAccessible(page, 'flag with crisis messages');

    await page.getByRole('button', { name: 'Safe to resume' }).click();
    await page.locator('#notice', { hasText: 'Saved.' }).waitFor();
    await page.locator('#flag-summary', { hasText: 'Marked safe to resume' }).waitFor();
    assert.equal(await page.locator('#resume-action').isHidden(), true);
    const [flag] = await s.services.flags.listForParticipant(participantId);
    assert.equal(flag.safeToResumeBy, 'clin@clinic.org');
    assert.equal(flag.status, 'open');
    await page.context().close();
    assert.deepEqual(problems, []);
  });
});
