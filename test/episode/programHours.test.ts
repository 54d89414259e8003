import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../bot/config';
import { ProgramHours, programStatus } from '../../bot/domain/programHours';
import { createI18n } from '../../bot/i18n';
import { whenBack } from '../../bot/safety/episodeTexts';

const HOURS: ProgramHours = { days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00', timeZone: 'America/New_York', holidays: ['2025-12-25'] };
const at = (iso: string) => new Date(iso);

describe('program hours', () => {
  it('is open on a weekday inside the hours, in the program zone', () => {
    assert.deepEqual(programStatus(at('2025-03-04T13:00:00Z'), HOURS), { open: true, backAt: at('2025-03-04T13:00:00Z') });
    assert.equal(programStatus(at('2025-03-04T21:59:00Z'), HOURS).open, true, '16:59 in New York');
    assert.equal(programStatus(at('2025-03-04T22:00:00Z'), HOURS).open, false, '17:00 closes');
  });

  it('says when the team is back: tomorrow morning, Monday after a weekend, after a holiday', () => {
    assert.deepEqual(programStatus(at('2025-03-04T23:30:00Z'), HOURS), { open: false, backAt: at('2025-03-05T13:00:00Z') });
    assert.deepEqual(programStatus(at('2025-03-08T15:00:00Z'), HOURS).backAt, at('2025-03-10T12:00:00Z'), 'Saturday → Monday 08:00 EDT');
    assert.deepEqual(programStatus(at('2025-12-25T15:00:00Z'), HOURS).backAt, at('2025-12-26T13:00:00Z'), 'Christmas → the 26th');
    assert.deepEqual(programStatus(at('2025-03-04T11:00:00Z'), HOURS).backAt, at('2025-03-04T13:00:00Z'), 'early morning → today');
  });

  it('keeps to the local clock across the DST change', () => {
    // Sunday 9 March 2025 clocks go forward in New York: Monday 08:00 is 12:00Z, the Friday before 13:00Z.
    assert.deepEqual(programStatus(at('2025-03-09T12:00:00Z'), HOURS).backAt, at('2025-03-10T12:00:00Z'));
  });

  it('a schedule with no working day has no "back at"', () => {
    assert.deepEqual(programStatus(at('2025-03-04T13:00:00Z'), { ...HOURS, days: [] }), { open: false, backAt: null });
  });

  it('is read from the environment with defaults (weekdays 08:00-17:00 in the program zone)', () => {
    assert.deepEqual(loadConfig({}).programHours, { days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00', timeZone: 'America/New_York', holidays: [] });
    const custom = loadConfig({
      PROGRAM_HOURS_DAYS: '1-4,6',
      PROGRAM_HOURS_OPEN: '09:30',
      PROGRAM_HOURS_CLOSE: '20:00',
      PROGRAM_TIMEZONE: 'America/Chicago',
      PROGRAM_HOLIDAYS: '2025-07-04,2025-12-25',
    }).programHours;
    assert.deepEqual(custom, { days: [1, 2, 3, 4, 6], open: '09:30', close: '20:00', timeZone: 'America/Chicago', holidays: ['2025-07-04', '2025-12-25'] });
    assert.equal(loadConfig({ PROGRAM_HOURS_TIMEZONE: 'America/Denver' }).programHours.timeZone, 'America/Denver');
  });

  for (const [env, problem] of [
    [{ PROGRAM_HOURS_DAYS: 'mon-fri' }, /PROGRAM_HOURS_DAYS/],
    [{ PROGRAM_HOURS_DAYS: '0-5' }, /PROGRAM_HOURS_DAYS/],
    [{ PROGRAM_HOURS_OPEN: '18:00' }, /PROGRAM_HOURS_CLOSE must be later/],
    [{ PROGRAM_HOLIDAYS: '2025-02-30' }, /PROGRAM_HOLIDAYS/],
    [{ PROGRAM_HOURS_TIMEZONE: 'Mars/Base' }, /PROGRAM_HOURS_TIMEZONE/],
    [{ SAFETY_EPISODE_QUIET_HOURS: '0' }, /SAFETY_EPISODE_QUIET_HOURS/],
  ] as const) {
    it(`refuses ${JSON.stringify(env)}`, () => {
      assert.throws(() => loadConfig(env), problem);
    });
  }
});

describe('"when they are back", in words', () => {
  const i18n = createI18n();
  const reader = (language: 'en' | 'es', timeZone = 'America/Chicago') => ({ language, timeZone, t: i18n.getFixedT(language) });
  const now = at('2025-03-07T23:00:00Z'); // Friday 17:00 in Chicago

  it('on the reader clock, in their language, GSM-7 only', () => {
    assert.equal(whenBack(at('2025-03-07T23:30:00Z'), now, reader('en')), 'at 5:30 PM');
    assert.equal(whenBack(at('2025-03-08T14:00:00Z'), now, reader('en')), 'tomorrow at 8:00 AM');
    assert.equal(whenBack(at('2025-03-10T12:00:00Z'), now, reader('en')), 'on Monday at 7:00 AM');
    assert.equal(whenBack(at('2025-03-10T12:00:00Z'), now, reader('es')), 'el lunes a las 7:00');
    assert.equal(whenBack(at('2025-03-08T14:00:00Z'), now, reader('es')), 'mañana a las 8:00');
    assert.equal(whenBack(at('2025-03-10T12:00:00Z'), now, reader('en', 'America/Los_Angeles')), 'on Monday at 5:00 AM');
    assert.equal(whenBack(null, now, reader('es')), 'más tarde');
  });
});
