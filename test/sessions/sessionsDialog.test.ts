import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Participant } from '../../bot/domain/participant';
import { NewSession, ProgramSessions } from '../../bot/domain/sessions';
import { countSegments } from '../../bot/channels/smsSegments';
import { ChatHarness } from '../main/chatHarness';

/** Intl may use no-break spaces; the dialog sends plain ones, so compare plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('sessions dialog', () => {
  let h: ChatHarness;
  let sessions: ProgramSessions;
  const base = { location: null, link: null, participantIds: [], until: null, cancelledDates: [] } satisfies Partial<NewSession>;

  before(async () => {
    h = await ChatHarness.start();
    sessions = new ProgramSessions(h.services.store, h.clock);
    // The clock reads Wed 2025-03-05 10:00 in New York; US clocks spring forward on Sun 2025-03-09.
    await sessions.add({
      ...base,
      id: 'process',
      title: { key: 'sessions:title.process', text: null },
      kind: 'group',
      startLocal: '2025-03-03T10:00',
      endLocal: '12:00',
      timeZone: 'America/New_York',
      location: 'Room 2',
      track: 'morning',
      recurrence: 'weekly',
    });
    await sessions.add({
      ...base,
      id: 'skills',
      title: { key: 'sessions:title.skills', text: null },
      kind: 'group',
      startLocal: '2025-02-26T09:00',
      endLocal: '10:00',
      timeZone: 'America/New_York',
      track: 'morning',
      recurrence: 'weekly',
      cancelledDates: ['2025-03-12'],
    });
    await sessions.add({
      ...base,
      id: 'family',
      title: { key: 'sessions:title.family', text: null },
      kind: 'family',
      startLocal: '2025-03-05T18:00',
      endLocal: '19:00',
      timeZone: 'America/New_York',
      track: 'evening',
      recurrence: 'weekly',
    });
  });
  after(() => h.stop());

  async function withIndividual(p: Participant): Promise<void> {
    await sessions.add({
      ...base,
      id: `one-on-one-${p.id}`,
      title: { key: null, text: 'Dr. Ruiz' },
      kind: 'individual',
      startLocal: '2025-03-06T16:30',
      endLocal: '17:20',
      timeZone: 'America/Chicago',
      link: 'https://meet.example/abc',
      track: null,
      participantIds: [p.id],
      recurrence: 'none',
    });
  }

  it('lists the next sessions on SMS in English, in the participant\'s zone and US date format', async () => {
    const p = await h.participant('sms', { language: 'en', timeZone: 'America/Los_Angeles' });
    await withIndividual(p);
    const text = plain(await h.chat(p, 'sms').text('sessions'));
    assert.equal(
      text,
      [
        'Your next sessions:',
        'Thu, Mar 6, 2:30 PM - Dr. Ruiz',
        // 10:00 in New York after the DST change is 7:00 in Los Angeles (both moved).
        'Mon, Mar 10, 7:00 AM - Process group, Room 2',
        'Mon, Mar 17, 7:00 AM - Process group, Room 2',
      ].join('\n'),
    );
  });

  it('lists them in Spanish with the es-US format and the participant\'s zone, as many as fit 2 UCS-2 segments', async () => {
    const p = await h.participant('sms', { language: 'es', timeZone: 'America/Chicago' });
    await withIndividual(p);
    const text = plain(await h.chat(p, 'sms').text('sesiones'));
    assert.equal(
      text,
      [
        'Sus próximas sesiones:',
        'jue, 6 de mar, 4:30 p.m. - Dr. Ruiz',
        // Three with places would be 3 segments of UCS-2 (ó, á): two without places fit.
        'lun, 10 de mar, 9:00 a.m. - Grupo de proceso',
      ].join('\n'),
    );
  });

  for (const language of ['en', 'es'] as const) {
    it(`shows five on Teams with the video link, skipping a cancelled date and other tracks (${language})`, async () => {
      const p = await h.participant('msteams', { language, timeZone: 'America/New_York' });
      await withIndividual(p);
      const lines = plain(await h.chat(p, 'msteams').text(language === 'es' ? 'mis sesiones' : 'my sessions')).split('\n');
      const t = h.t(language);
      assert.equal(lines[0], t('sessions:list', { lines: '' }).trim());
      assert.equal(lines[2], t('sessions:join', { link: 'https://meet.example/abc' }));
      const titles = lines.slice(1).filter((l) => !l.startsWith(t('sessions:join', { link: '' }).trim()));
      assert.equal(titles.length, 5);
      assert.ok(titles[0].endsWith('- Dr. Ruiz'));
      // Mar 12's skills group is cancelled: the next one is Mar 19.
      const skills = titles.filter((l) => l.includes(t('sessions:title.skills')));
      assert.equal(skills.length, 1);
      assert.match(skills[0], language === 'es' ? /19 de mar, 9:00 a\.m\./ : /Mar 19, 9:00 AM/);
      assert.ok(!lines.some((l) => l.includes(t('sessions:title.family'))), 'evening track not listed');
    });
  }

  it('drops places, then sessions, to keep an SMS within 2 segments', async () => {
    const p = await h.participant('sms', { language: 'es', track: 'afternoon' });
    for (const day of ['2025-03-06', '2025-03-07', '2025-03-08']) {
      await sessions.add({
        ...base,
        id: `long-${day}`,
        title: { key: null, text: 'Grupo de prevención de recaídas y manejo de emociones difíciles' },
        kind: 'group',
        startLocal: `${day}T13:00`,
        endLocal: '14:30',
        timeZone: 'America/New_York',
        location: 'Edificio C, tercer piso, salón 301 (entrada lateral)',
        track: 'afternoon',
        recurrence: 'none',
      });
    }
    const text = await h.chat(p, 'sms').text('sesiones');
    assert.ok(countSegments(text).segments <= 2);
    assert.ok(text.includes('jue, 6 de mar'), text);
    assert.ok(!text.includes('Edificio C'), 'the places went first');
  });

  for (const [channel, language] of [['sms', 'en'], ['msteams', 'es']] as const) {
    it(`says so when there is nothing on the schedule (${channel}, ${language})`, async () => {
      const p = await h.participant(channel, { language, track: 'afternoon', timeZone: 'Pacific/Honolulu' });
      // Only the 'afternoon' sessions of the test above exist, and they are past by then.
      h.clock.set('2025-04-01T15:00:00Z');
      try {
        assert.equal(await h.chat(p, channel).text('sessions'), h.t(language)('sessions:none', { clinicPhone: h.services.config.clinicPhone }));
      } finally {
        h.clock.set('2025-03-05T15:00:00Z');
      }
    });
  }
});
