import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { replyText } from '../helpers/botHarness';
import { ARTIFACTS, assertAccessible, CHROMIUM, launchChromium, signIn, watchedPage } from './browserSupport';
import { StaffHarness } from './staffHarness';

describe('safety plan on the dashboard in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed (apt-get install chromium)' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  let participantId: string;
  const user = { id: '+15550100155', channelId: 'sms' };
  const problems: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await StaffHarness.start();
    await s.account('clin@clinic.org', 'clinician');
    await s.account('clin.es@clinic.org', 'clinician', { language: 'es' });
    const p = await s.participant('Ana María Ruiz', { language: 'en' });
    participantId = p.id;
    await s.services.participants.link(p.id, { channelId: 'sms', serviceUrl: s.h.connector.url, conversationId: `conv-${user.id}`, userId: user.id, botId: 'puente-bot' });
    await s.services.participants.update(p.id, (x) => {
      x.consent = { given: true, at: s.clock().toISOString(), channel: 'sms' };
    });
    // Two suggestions from the participant's phone: a person to call, and a reason for living.
    for (const [part, words] of [
      ['4', 'my sister Rosa 555 010 0123'],
      ['7', 'my dog <b>Pancho</b>'],
    ]) {
      await s.h.say(user, 'add to my plan');
      await s.h.say(user, part);
      await s.h.say(user, words);
      s.clock.advance(60_000);
    }
    assert.equal((await s.services.safetyPlan.plans.openSuggestions(p.id)).length, 2);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function participantPage(email: string): Promise<Page> {
    const page = await watchedPage(browser, problems, { responses: true });
    await signIn(page, s.base, email, `/staff/participants/${encodeURIComponent(participantId)}`);
    await page.locator('#participant:not([hidden])').waitFor();
    return page;
  }

  it('a clinician writes the plan, adds an edited participant suggestion, dismisses another; the participant then reads it', async () => {
    const page = await participantPage('clin@clinic.org');
    await page.locator('#plan-meta', { hasText: 'No safety plan yet.' }).waitFor();
    const suggestions = page.locator('#plan-suggestions li.suggestion');
    assert.equal(await suggestions.count(), 2);
    // The participant's words are text, never markup.
    assert.match(await suggestions.nth(1).innerText(), /my dog <b>Pancho<\/b>/);
    assert.equal(await page.locator('#plan-suggestions b').count(), 0);
    await assertAccessible(page, 'participant with safety plan (en)');

    await page.getByRole('group', { name: '1. Warning signs' }).getByLabel('One item per line').fill('I stop answering my phone\n\nI sleep all day ');
    const professionals = page.getByRole('group', { name: '5. Professionals and agencies to contact' });
    await professionals.getByRole('button', { name: 'Add a person' }).click();
    await professionals.getByLabel('Name, person 1', { exact: true }).fill('988 Lifeline');
    await professionals.getByLabel('Phone, person 1', { exact: true }).fill('988');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.locator('#notice', { hasText: 'Plan saved as version 1.' }).waitFor();
    let plan = await s.services.safetyPlan.plans.current(participantId);
    assert.deepEqual(plan?.sections.warningSigns, ['I stop answering my phone', 'I sleep all day']);
    assert.deepEqual(plan?.sections.professionals, [{ name: '988 Lifeline', phone: '988' }]);

    // The person suggestion comes as a name and phone draft; the clinician edits the name and adds it.
    const rosa = suggestions.filter({ hasText: 'my sister Rosa' });
    assert.equal(await rosa.getByLabel('Phone').inputValue(), '555 010 0123');
    await rosa.getByLabel('Name').fill('Rosa (sister)');
    await rosa.getByRole('button', { name: 'Add to plan' }).click();
    await page.locator('#notice', { hasText: 'Added to the plan (version 2).' }).waitFor();
    await page.getByRole('group', { name: '4. People to ask for help' }).getByLabel('Name, person 1', { exact: true }).and(page.locator('[value="Rosa (sister)"]')).waitFor();
    plan = await s.services.safetyPlan.plans.current(participantId);
    assert.equal(plan?.version, 2);
    assert.deepEqual(plan?.sections.helpers, [{ name: 'Rosa (sister)', phone: '555 010 0123' }]);

    await suggestions.filter({ hasText: 'Pancho' }).getByRole('button', { name: 'Dismiss' }).click();
    await page.locator('#notice', { hasText: 'Suggestion dismissed.' }).waitFor();
    assert.equal(await suggestions.count(), 0);
    assert.equal(await page.locator('#plan-versions li').count(), 2);
    assert.match(await page.locator('#plan-versions li').first().innerText(), /Version 2: clin@clinic\.org.*4\. People to ask for help.*from a participant suggestion/);
    assert.deepEqual(plan?.sections.reasonsForLiving, []);
    await assertAccessible(page, 'participant after edits (en)');
    await page.locator('#safety-plan').screenshot({ path: join(ARTIFACTS, 'staff-safety-plan.png') });
    await page.context().close();

    const shown = (await s.h.say(user, 'my plan')).map(replyText).join('\n');
    assert.ok(shown.includes('Rosa (sister): 555 010 0123') && shown.includes('- I sleep all day'), shown);
    assert.deepEqual(problems, []);
  });

  it('reads in Spanish with its versions, and passes axe', async () => {
    const page = await participantPage('clin.es@clinic.org');
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.getByRole('heading', { level: 2, name: 'Plan de seguridad (Stanley–Brown)' }).waitFor();
    await page.locator('#plan-meta', { hasText: 'Versión 2, guardada por clin@clinic.org' }).waitFor();
    await page.locator('#plan-suggestions', { hasText: 'No hay sugerencias pendientes.' }).waitFor();
    assert.equal(await page.getByRole('group', { name: '1. Señales de alerta' }).getByLabel('Un elemento por línea').inputValue(), 'I stop answering my phone\nI sleep all day');
    await assertAccessible(page, 'participant with safety plan (es)');
    await page.context().close();
    assert.deepEqual(problems, []);
  });
});
