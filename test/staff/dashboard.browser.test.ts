import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Browser, Page } from 'playwright-core';
import { emptyAnswers } from '../../bot/domain/checkins';
import { replyText } from '../helpers/botHarness';
import { assertFitsPhone, PHONE } from '../helpers/phoneLayout';
import { ARTIFACTS, assertAccessible, CHROMIUM, launchChromium, signIn as signInAt, watchedPage } from './browserSupport';
import { StaffHarness } from './staffHarness';

const EVIL_NOTE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> long day';

describe('staff dashboard in Chromium', { skip: !existsSync(CHROMIUM) && 'Debian chromium is not installed (apt-get install chromium)' }, () => {
  let s: StaffHarness;
  let browser: Browser;
  let participantId: string;
  const problems: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await StaffHarness.start();
    await s.account('clin@clinic.org', 'clinician');
    await s.account('admin@clinic.org', 'admin', { language: 'es' });
    await s.account('admin-en@clinic.org', 'admin', { language: 'en' });

    // A participant on SMS with a few days of history, then today's check-in over HTTP.
    const p = await s.participant('Ana María Ruiz', { language: 'en' });
    participantId = p.id;
    const user = { id: '+15550100123', channelId: 'sms' };
    await s.services.participants.link(p.id, {
      channelId: 'sms',
      serviceUrl: s.h.connector.url,
      conversationId: `conv-${user.id}`,
      userId: user.id,
      botId: 'puente-bot',
    });
    await s.services.participants.update(p.id, (x) => {
      x.consent = { given: true, at: s.clock().toISOString(), channel: 'sms' };
    });
    const days: Array<[string, number, number, number]> = [
      ['2025-02-20', 7, 2, 8],
      ['2025-02-24', 6, 3, 7],
      ['2025-02-27', 5, 5, 6],
      ['2025-03-01', 4, 6, 5],
      ['2025-03-03', 3, 7, 4.5],
    ];
    for (const [localDate, mood, craving, sleepHours] of days) {
      const c = s.services.checkins.start({ participantId: p.id, timeZone: p.timeZone, language: 'en', channel: 'sms', localDate });
      await s.services.checkins.save({ ...c, status: 'complete', answers: { ...emptyAnswers(), mood, craving, sleepHours, use: 'no' } });
    }
    await s.h.say(user, 'check in');
    for (const answer of ['4', '9', 'no', '5', 'yes', 'no', 'no']) await s.h.say(user, answer);
    const end = await s.h.say(user, EVIL_NOTE);
    assert.ok(end.length > 0 && replyText(end[0]).length > 0, 'the check-in finished');
    const flags = await s.services.flags.listForParticipant(p.id);
    assert.equal(flags.length, 1, 'the check-in raised a flag');
    assert.equal(flags[0].severity, 'high');

    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await s?.stop();
  });

  const newPage = (viewport?: { width: number; height: number }): Promise<Page> => watchedPage(browser, problems, { viewport, responses: true });

  function signIn(page: Page, email: string, path = '/staff'): Promise<void> {
    return signInAt(page, s.base, email, path);
  }

  it('a clinician finds the flag on top, reads it with its chart, acknowledges, notes and resolves it', async () => {
    const page = await newPage();
    await page.goto(`${s.base}/staff/sign-in`);
    await assertAccessible(page, 'sign-in');
    await signIn(page, 'clin@clinic.org');

    const firstRow = page.locator('#queue-rows tr').first();
    await firstRow.waitFor();
    assert.match(await firstRow.innerText(), /High[\s\S]*Ana María Ruiz[\s\S]*High craving/);
    assert.match(await page.locator('#counts').innerText(), /High: 1/);
    await assertAccessible(page, 'queue');
    await page.screenshot({ path: join(ARTIFACTS, 'staff-queue.png'), fullPage: true });

    // Keyboard only: tab to the participant link and open it.
    const link = firstRow.getByRole('link', { name: 'Ana María Ruiz' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staff\/flags\//);
    await page.locator('#flag:not([hidden])').waitFor();

    const chart = page.locator('#chart svg[role="img"]');
    await chart.waitFor();
    assert.match((await chart.getAttribute('aria-labelledby'))!, /chart-svg-title/);
    assert.equal(await chart.locator('.series-mood .point').count(), 6, 'five earlier days and today');
    assert.equal(await chart.locator('.flag-mark').count(), 1);
    assert.equal(await page.locator('#chart-rows tr').count(), 30);
    assert.match(await page.locator('#flag-reasons').innerText(), /High craving \(Craving \(0–10\): 9, threshold: 8\)/);

    // The participant's note is shown as the text it is; nothing in it ran.
    assert.match(await page.locator('#flag-answers').innerText(), /<script>window.__pwned = 1<\/script>/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('#flag-answers script, #flag-answers img').count(), 0);

    await assertAccessible(page, 'flag');
    await page.screenshot({ path: join(ARTIFACTS, 'staff-flag.png'), fullPage: true });

    await page.locator('#ack-button').focus();
    await page.keyboard.press('Enter');
    await page.locator('#notice', { hasText: 'Saved.' }).waitFor();
    await page.locator('#flag-summary', { hasText: 'Acknowledged' }).waitFor();
    assert.equal(await page.locator('#ack-button').isHidden(), true);

    await page.getByLabel('Add a note').fill('Called her; she is safe and coming to group tonight.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.locator('#flag-notes', { hasText: 'coming to group tonight' }).waitFor();

    await page.getByLabel('Outcome').selectOption('contacted');
    await page.getByRole('button', { name: 'Resolve flag' }).click();
    await page.locator('#resolved-note:not([hidden])').waitFor();
    assert.match(await page.locator('#flag-summary').innerText(), /Resolved[\s\S]*clin@clinic\.org[\s\S]*Contacted/);

    const flag = await s.services.flags.get(participantId, (await s.services.flags.listForParticipant(participantId))[0].id);
    assert.equal(flag!.status, 'resolved');
    assert.equal(flag!.outcome, 'contacted');
    assert.equal(flag!.acknowledgedBy, 'clin@clinic.org');
    assert.deepEqual(flag!.notes.map((n) => n.by), ['clin@clinic.org']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/staff\/sign-in/);
    await page.context().close();
    assert.deepEqual(problems, []);
  });

  it('an admin (in Spanish) sees those actions in the audit log; the participants pages pass axe', async () => {
    const page = await newPage();
    await signIn(page, 'admin@clinic.org', '/staff/audit');
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
    await page.locator('#audit-rows tr').first().waitFor();
    const actions = await page.locator('#audit-rows tr').evaluateAll((rows) =>
      rows.map((r) => `${r.children[1].textContent} ${r.getAttribute('data-action')}`),
    );
    for (const action of ['flag.view', 'flag.acknowledge', 'flag.note', 'flag.resolve', 'flags.list', 'signin.success']) {
      assert.ok(actions.includes(`clin@clinic.org ${action}`), `${action} by the clinician is listed`);
    }
    await assertAccessible(page, 'audit (es)');
    await page.screenshot({ path: join(ARTIFACTS, 'staff-audit-es.png'), fullPage: true });

    await page.getByRole('link', { name: 'Participantes' }).click();
    await page.locator('#participant-rows tr').first().waitFor();
    await assertAccessible(page, 'participants (es)');
    await page.getByRole('link', { name: 'Ana María Ruiz' }).click();
    await page.locator('#participant:not([hidden])').waitFor();
    assert.equal(await page.locator('#history-rows tr').count(), 6);
    await assertAccessible(page, 'participant (es)');
    await page.context().close();
    assert.deepEqual(problems, []);
  });

  for (const [email, language] of [
    ['admin-en@clinic.org', 'en'],
    ['admin@clinic.org', 'es'],
  ] as const) {
    it(`every page works on a ${PHONE.width} px phone (${language}): no sideways page scroll, nothing cut off, axe passes`, async () => {
      const page = await newPage(PHONE);
      await page.goto(`${s.base}/staff/sign-in?lang=${language}`);
      await assertFitsPhone(page, `sign-in (${language})`);
      await assertAccessible(page, `sign-in (${language}, phone)`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-phone-sign-in-${language}.png`), fullPage: true });
      await signIn(page, email);

      const [flag] = await s.services.flags.listForParticipant(participantId);
      const pages: Array<[string, string, string]> = [
        // The flag was resolved by the first test: the resolved view has a row to lay out.
        ['queue', '/staff?status=resolved', '#queue-rows tr'],
        ['flag', `/staff/flags/${encodeURIComponent(participantId)}/${encodeURIComponent(flag.id)}`, '#flag:not([hidden])'],
        ['participants', '/staff/participants', '#participant-rows tr'],
        ['participant', `/staff/participants/${encodeURIComponent(participantId)}`, '#participant:not([hidden])'],
        ['audit', '/staff/audit', '#audit-rows tr'],
      ];
      for (const [name, path, ready] of pages) {
        await page.goto(`${s.base}${path}`);
        await page.locator(ready).first().waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), language);
        const heading = page.getByRole('heading', { level: 1 });
        assert.ok(await heading.isVisible(), `${name}: the heading is on screen`);
        const box = (await heading.boundingBox())!;
        assert.ok(box.y < PHONE.height / 2, `${name}: the heading is near the top (${box.y} px)`);
        if (name === 'flag') assert.match(await page.locator('#flag-reasons').innerText(), language === 'es' ? /límite: 8/ : /threshold: 8/);
        await assertFitsPhone(page, `${name} (${language})`);
        await assertAccessible(page, `${name} (${language}, phone)`);
        await page.screenshot({ path: join(ARTIFACTS, `staff-phone-${name}-${language}.png`), fullPage: true });
      }
      // A table wider than the phone scrolls in its own box, not the page.
      await page.goto(`${s.base}/staff/audit`);
      await page.locator('#audit-rows tr').first().waitFor();
      const scroller = page.locator('.table-scroll').first();
      const [inner, outer] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(inner > outer, `the audit table scrolls inside its box (${inner} in ${outer} px)`);
      await page.context().close();
      assert.deepEqual(problems, []);
    });
  }

  for (const [email, language, labels] of [
    ['admin-en@clinic.org', 'en', { name: 'Name', zone: 'Time zone', checkin: 'Daily check-in time', enroll: 'Enroll', eastern: 'Eastern (America/New_York)', us: 'US time zones' }],
    ['admin@clinic.org', 'es', { name: 'Nombre', zone: 'Zona horaria', checkin: 'Hora del registro diario', enroll: 'Inscribir', eastern: 'Este (America/New_York)', us: 'Zonas horarias de EE. UU.' }],
  ] as const) {
    it(`enrollment form (${language}): the time zone is a list, US zones first; a failed enrollment clears the last person's code`, async () => {
      const page = await newPage(PHONE);
      await signIn(page, email, '/staff/participants');
      const zone = page.getByLabel(labels.zone, { exact: true });
      assert.equal(await zone.evaluate((el) => el.tagName), 'SELECT', 'a list, not a text box');
      const groups = await zone.locator('optgroup').evaluateAll((gs) => gs.map((g) => ({ label: g.getAttribute('label'), values: Array.from(g.querySelectorAll('option'), (o) => o.value) })));
      assert.equal(groups[0].label, labels.us);
      assert.deepEqual(groups[0].values, ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico']);
      assert.ok(groups[1].values.length > 300, 'then every IANA zone');
      for (const z of ['Europe/Madrid', 'America/Mexico_City', 'America/Bogota']) assert.ok(groups[1].values.includes(z), z);
      assert.ok(!groups[1].values.includes('America/New_York'), 'the US zones are listed once');
      assert.equal(await zone.inputValue(), s.h.config.programTimeZone, 'the program time zone is chosen to begin with');
      assert.equal(await zone.locator('option:checked').innerText(), labels.eastern);

      await page.getByLabel(labels.name, { exact: true }).fill(`Rosa ${language}`);
      await zone.selectOption('America/Mexico_City');
      await page.getByRole('button', { name: labels.enroll, exact: true }).click();
      const result = page.locator('#enroll-result');
      await result.locator('#enrollment-code').waitFor();
      assert.match(await result.innerText(), new RegExp(`Rosa ${language}`));
      const rosa = (await s.services.participants.list()).find((p) => p.displayName === `Rosa ${language}`);
      assert.equal(rosa?.timeZone, 'America/Mexico_City');

      // The next person fails (a check-in time inside quiet hours): Rosa's code must not stay on screen.
      await page.getByLabel(labels.name, { exact: true }).fill(`Luis ${language}`);
      await page.getByLabel(labels.checkin, { exact: true }).fill('23:30');
      await page.getByRole('button', { name: labels.enroll, exact: true }).click();
      await result.locator('.error').waitFor();
      assert.ok((await result.locator('.error').boundingBox())!.y > (await page.getByRole('button', { name: labels.enroll, exact: true }).boundingBox())!.y, 'the error is said beside the button');
      assert.equal(await page.locator('#enrollment-code').count(), 0);
      assert.equal((await s.services.participants.list()).some((p) => p.displayName === `Luis ${language}`), false);
      await assertFitsPhone(page, `enrollment form (${language})`);
      await assertAccessible(page, `enrollment form (${language})`);
      await page.screenshot({ path: join(ARTIFACTS, `staff-phone-enroll-failed-${language}.png`), fullPage: true });
      await page.context().close();
      // The refused enrollment is the one expected error (its 400, and Chromium's console line about it).
      const expected = (p: string) => p === '400 /api/staff/participants' || p.includes('status of 400 (Bad Request)');
      assert.deepEqual(problems.filter((p) => !expected(p)), []);
      problems.length = 0;
    });
  }
});
