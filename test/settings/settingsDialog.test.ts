import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { Language } from '../../bot/i18n';
import { DueEntries } from '../../bot/outreach/dueEntries';
import { buttonData, Chat, ChatHarness } from '../main/chatHarness';

describe('settings dialog', () => {
  let h: ChatHarness;
  before(async () => {
    h = await ChatHarness.start();
  });
  after(() => h.stop());

  const record = async (id: string) => {
    const p = await h.services.participants.get(id);
    assert.ok(p);
    return p;
  };

  /** Opens one setting: by SMS number, or by the Teams button. */
  async function open(chat: Chat, language: Language, option: string): Promise<string> {
    const menu = await chat.say('settings');
    const t = h.t(language);
    if (chat.channelId === 'sms') {
      const number = ['language', 'checkinTime', 'reminders', 'timeZone', 'screenDay'].indexOf(option) + 1;
      return chat.text(String(number));
    }
    return chat.text({ value: buttonData(menu, t(`settings:option.${option}`)) });
  }

  describe('check-in time', () => {
    for (const [channel, language, typed, saved] of [
      ['sms', 'en', '6:30 pm', '18:30'],
      ['sms', 'es', 'seis y media de la tarde', '18:30'],
      ['msteams', 'en', '19:45', '19:45'],
      ['msteams', 'es', '8 de la mañana', '08:00'],
    ] as const) {
      it(`saves "${typed}" as ${saved} (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        const ask = await open(chat, language, 'checkinTime');
        const [current, earliest, latest] = language === 'es' ? ['6:00 p.m.', '8:00 a.m.', '9:00 p.m.'] : ['6:00 PM', '8:00 AM', '9:00 PM'];
        assert.equal(ask, t('settings:checkinTime.ask', { current, earliest, latest }));
        const reply = await chat.text(typed);
        assert.ok(reply.startsWith(t('settings:checkinTime.saved', { time: '' }).split(' ')[0]), reply);
        assert.equal((await record(p.id)).checkinTime, saved);
        // The daily prompt moved with it.
        const due = await new DueEntries(h.services.store).get(p.id, 'daily');
        assert.equal(due?.kind, 'checkin');
        assert.equal(DateTime.fromISO(due.dueAt, { zone: p.timeZone }).toFormat('HH:mm'), saved);
      });
    }

    for (const [channel, language] of [['sms', 'en'], ['msteams', 'es']] as const) {
      it(`refuses a time in quiet hours and asks again, then takes an allowed one (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        await open(chat, language, 'checkinTime');
        const [late, early, earliest, latest] =
          language === 'es' ? ['10:00 p.m.', '7:00 a.m.', '8:00 a.m.', '9:00 p.m.'] : ['10:00 PM', '7:00 AM', '8:00 AM', '9:00 PM'];
        assert.equal(await chat.text('10 pm'), t('settings:checkinTime.quiet', { time: late, earliest, latest }));
        assert.equal(await chat.text('7am'), t('settings:checkinTime.quiet', { time: early, earliest, latest }));
        assert.equal((await record(p.id)).checkinTime, '18:00');
        await chat.text('8:00 pm');
        assert.equal((await record(p.id)).checkinTime, '20:00');
      });
    }

    it('takes exactly 9:00 PM as quiet (quiet hours start at 21:00) and 8:00 AM as allowed', async () => {
      const p = await h.participant('sms', { language: 'en' });
      const chat = h.chat(p, 'sms');
      await open(chat, 'en', 'checkinTime');
      assert.ok((await chat.text('21:00')).includes('quiet hours'));
      assert.ok((await chat.text('08:00')).startsWith('Done.'));
      assert.equal((await record(p.id)).checkinTime, '08:00');
    });

    it('follows the configured quiet hours', async () => {
      const narrow = await ChatHarness.start({ env: { QUIET_HOURS_START: '20:00', QUIET_HOURS_END: '09:00' } });
      try {
        const p = await narrow.participant('sms', { language: 'en' });
        const chat = narrow.chat(p, 'sms');
        await chat.text('settings');
        assert.ok((await chat.text('2')).includes('between 9:00 AM and 8:00 PM'));
        assert.ok((await chat.text('8:30 am')).includes('quiet hours'));
        assert.ok((await chat.text('8:30 pm')).includes('quiet hours'));
        assert.equal((await narrow.services.participants.get(p.id))?.checkinTime, '18:00');
      } finally {
        await narrow.stop();
      }
    });

    it('gives up after three unusable answers, keeping the old time', async () => {
      const p = await h.participant('sms', { language: 'es' });
      const chat = h.chat(p, 'sms');
      const t = h.t('es');
      await open(chat, 'es', 'checkinTime');
      assert.equal(await chat.text('cuando pueda'), t('settings:checkinTime.unclear'));
      await chat.text('23:00');
      assert.equal(await chat.text('no sé'), t('settings:checkinTime.unchanged', { current: '6:00 p.m.' }));
      assert.equal((await record(p.id)).checkinTime, '18:00');
    });
  });

  describe('reminders', () => {
    for (const [channel, language] of [['sms', 'es'], ['msteams', 'en']] as const) {
      it(`turns reminders off and back on with a new lead time (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        const ask = await open(chat, language, 'reminders');
        assert.ok(ask.startsWith(t('settings:reminders.askHours', { count: 1 })), ask);
        const off = channel === 'sms' ? await chat.text('5') : await chat.text(t('settings:reminders.off'));
        assert.equal(off, t('settings:reminders.savedOff'));
        assert.deepEqual((await record(p.id)).reminders, { enabled: false, leadMinutes: 60 });

        const askAgain = await chat.say('settings');
        const reminderMenu =
          channel === 'sms' ? await chat.say('3') : await chat.say({ value: buttonData(askAgain, t('settings:option.reminders')) });
        assert.ok(reminderMenu.map((r) => r.text ?? JSON.stringify(r.attachments)).join().includes(t('settings:reminders.askOff')));
        const on =
          channel === 'sms'
            ? await chat.text('2')
            : await chat.text({ value: buttonData(reminderMenu, t('settings:reminders.minutes', { count: 30 })) });
        assert.equal(on, t('settings:reminders.savedMinutes', { count: 30 }));
        assert.deepEqual((await record(p.id)).reminders, { enabled: true, leadMinutes: 30 });
      });
    }

    it('reads a lead time typed as its label', async () => {
      const p = await h.participant('sms', { language: 'en' });
      const chat = h.chat(p, 'sms');
      await open(chat, 'en', 'reminders');
      assert.equal(await chat.text('2 hours'), 'Done. I will remind you 2 hours before each session.');
      assert.equal((await record(p.id)).reminders.leadMinutes, 120);
    });
  });

  describe('time zone', () => {
    for (const [channel, language] of [['sms', 'en'], ['msteams', 'es']] as const) {
      it(`sets a common US zone from the choices (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        const ask = await chat.say('settings');
        const zones =
          channel === 'sms' ? await chat.say('4') : await chat.say({ value: buttonData(ask, t('settings:option.timeZone')) });
        const saved =
          channel === 'sms' ? await chat.text('5') : await chat.text({ value: buttonData(zones, t('settings:timeZone.zone.central')) });
        const zoneKey = channel === 'sms' ? 'pacific' : 'central';
        // 15:00 UTC is 7:00 in Los Angeles and 9:00 in Chicago.
        const time = channel === 'sms' ? '7:00 AM' : '9:00 a.m.';
        assert.equal(saved, t('settings:timeZone.saved', { zone: t(`settings:timeZone.zone.${zoneKey}`), time }));
        assert.equal((await record(p.id)).timeZone, channel === 'sms' ? 'America/Los_Angeles' : 'America/Chicago');
      });
    }

    it('accepts an IANA zone typed at the choice or after "other", and refuses an unknown one', async () => {
      const p = await h.participant('sms', { language: 'es' });
      const chat = h.chat(p, 'sms');
      const t = h.t('es');
      await open(chat, 'es', 'timeZone');
      assert.equal(await chat.text('america/mexico_city'), t('settings:timeZone.saved', { zone: 'America/Mexico_City', time: '9:00 a.m.' }));
      assert.equal((await record(p.id)).timeZone, 'America/Mexico_City');

      await open(chat, 'es', 'timeZone');
      assert.equal(await chat.text('9'), t('settings:timeZone.askOther'));
      assert.equal(await chat.text('Marte/Base_Uno'), t('settings:timeZone.unknown', { current: 'America/Mexico_City' }));
      assert.equal((await record(p.id)).timeZone, 'America/Mexico_City');

      await open(chat, 'es', 'timeZone');
      await chat.text('otra');
      await chat.text('EST');
      assert.equal((await record(p.id)).timeZone, 'America/New_York');
    });

    it('keeps the profile snapshot in step, so later times use the new zone', async () => {
      const p = await h.participant('msteams', { language: 'en' });
      const chat = h.chat(p, 'msteams');
      await open(chat, 'en', 'timeZone');
      await chat.text('Hawaii');
      assert.equal((await record(p.id)).timeZone, 'Pacific/Honolulu');
      await open(chat, 'en', 'timeZone');
      await chat.text('Other');
      assert.equal(await chat.text('Nowhere/Land'), h.t('en')('settings:timeZone.unknown', { current: 'Hawaii' }));
    });
  });

  describe('weekly questions day', () => {
    for (const [channel, language, answer, day] of [
      ['sms', 'en', '5', 5],
      ['sms', 'es', 'viernes', 5],
      ['msteams', 'es', 'domingo', 7],
      ['msteams', 'en', 'Tuesday', 2],
    ] as const) {
      it(`saves "${answer}" as weekday ${day} (${channel}, ${language})`, async () => {
        const p = await h.participant(channel, { language, screenWeekday: 3 });
        const chat = h.chat(p, channel);
        const t = h.t(language);
        const ask = await open(chat, language, 'screenDay');
        assert.ok(ask.startsWith(t('settings:screenDay.ask', { current: 3 })), ask);
        assert.ok(ask.includes(t('settings:weekday.3')));
        assert.equal(await chat.text(answer), t('settings:screenDay.saved', { day: t(`settings:weekday.${day}`) }));
        assert.equal((await record(p.id)).screenWeekday, day);
      });
    }

    it('names the current day in the new language after a switch mid-question', async () => {
      const p = await h.participant('sms', { language: 'en', screenWeekday: 4 });
      const chat = h.chat(p, 'sms');
      await open(chat, 'en', 'screenDay');
      const reply = await chat.text('español');
      assert.ok(reply.includes(h.t('es')('settings:screenDay.ask', { current: 4 })), reply);
      assert.ok(reply.includes('jueves'));
      assert.equal(await chat.text('1'), h.t('es')('settings:screenDay.saved', { day: 'lunes' }));
    });
  });
});
