import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineChart } from '../../bot/channels/teamsRenderer';
import { AdaptiveCard } from '../../bot/channels/teamsRenderer';
import { addDays } from '../../bot/domain/localTime';
import { createI18n, LANGUAGES } from '../../bot/i18n';
import { BANDS, MEASURES, MeasureRecord, measureId } from '../../bot/measures/measureRecord';
import { renderProgress } from '../../bot/progress/render';
import { ProgressSummary } from '../../bot/progress/summary';
import { Participant } from '../../bot/domain/participant';
import { assertFitsSms } from '../helpers/sms';
import { ChatHarness, visibleText } from '../main/chatHarness';

/** The harness clock: Wednesday 2025-03-05 in New York. */
const TODAY = '2025-03-05';

async function checkIn(h: ChatHarness, p: Participant, localDate: string, mood: number, craving: number) {
  const { checkins } = h.services;
  const c = checkins.start({ participantId: p.id, timeZone: p.timeZone, language: p.language, channel: 'sms', localDate });
  c.answers.mood = mood;
  c.answers.craving = craving;
  c.status = 'complete';
  c.finishedAt = `${localDate}T23:00:00.000Z`;
  await checkins.save(c);
}

/** A finished PHQ-9 or GAD-7 as the stepped-screening code writes it (collection `measures`). */
async function measure(h: ChatHarness, p: Participant, instrument: 'phq9' | 'gad7', localDate: string, total: number, band: MeasureRecord['band']) {
  await h.services.store.upsert<MeasureRecord>(MEASURES, {
    id: measureId(instrument, localDate),
    pk: p.id,
    participantId: p.id,
    instrument,
    source: 'stepped',
    localDate,
    startedAt: `${localDate}T15:00:00.000Z`,
    completedAt: `${localDate}T15:05:00.000Z`,
    items: {},
    total,
    band,
    bam: null,
  });
}

/** Last week: mood 3-4, cravings 7-8 on four days; this week: mood 6-7, cravings 3-4 on three days. */
async function improvingWeeks(h: ChatHarness, p: Participant) {
  for (const [ago, mood, craving] of [[12, 3, 8], [10, 4, 7], [9, 3, 8], [8, 4, 7], [4, 6, 4], [2, 7, 3], [0, 6, 3]] as const) {
    await checkIn(h, p, addDays(TODAY, -ago), mood, craving);
  }
}

describe('"how am I doing"', () => {
  let h: ChatHarness;
  before(async () => {
    h = await ChatHarness.start();
  });
  after(() => h.stop());

  it('on sms: check-ins this week, mood and cravings against last week, the latest band in plain words, encouragement (en, es)', async () => {
    for (const [language, words] of [['en', ['how am I doing?', 'My progress']], ['es', ['mi progreso', '¿Cómo voy?']]] as const) {
      const p = await h.participant('sms', { language });
      await improvingWeeks(h, p);
      await measure(h, p, 'gad7', addDays(TODAY, -20), 12, 'moderate');
      await measure(h, p, 'phq9', addDays(TODAY, -6), 7, 'mild');
      const t = h.t(language);
      for (const word of words) {
        // Chat.say checks every SMS reply against the 2-segment budget.
        const lines = (await h.chat(p, 'sms').text(word)).split('\n');
        assert.equal(lines[0], t('progress:checkins', { count: 3 }));
        assert.equal(lines[1], t('progress:compare', { mood: t('progress:moodTrend.better'), craving: t('progress:cravingTrend.lower') }));
        assert.equal(lines[2], t('progress:survey', { survey: t('progress:surveyName.phq9'), band: t('progress:band.mild') }), 'the latest of the two');
        assert.ok(Object.values(t('progress:encouragement', { returnObjects: true }) as Record<string, string>).includes(lines[3]));
        assert.equal(lines.length, 4);
      }
    }
  });

  it('with nothing to compare it says so, and without a survey names no band (en, sms; es, the menu entry under More)', async () => {
    const en = await h.participant('sms', { language: 'en' });
    await checkIn(h, en, TODAY, 5, 2);
    const lines = (await h.chat(en, 'sms').text('how am i doing')).split('\n');
    assert.deepEqual(lines.slice(0, 2), [h.t('en')('progress:checkins', { count: 1 }), h.t('en')('progress:noCompare')]);
    assert.equal(lines.length, 3);

    const es = await h.participant('sms', { language: 'es' });
    const chat = h.chat(es, 'sms');
    const option = (text: string, key: string) => text.split('\n').find((line) => line.endsWith(h.t('es')(key)))!.split(' ')[0];
    const more = await chat.text(option(await chat.text('menú'), 'common:menu.more'));
    assert.equal((await chat.text(option(more, 'common:menu.progress'))).split('\n')[0], h.t('es')('progress:checkins', { count: 0 }));
  });

  it('on Teams: a card with the same lines and a 14-day line chart of mood and cravings (en, es)', async () => {
    for (const [language, word] of [['en', 'How am I doing'], ['es', 'Mi progreso']] as const) {
      const p = await h.participant('msteams', { language });
      await improvingWeeks(h, p);
      await measure(h, p, 'phq9', addDays(TODAY, -6), 16, 'moderatelySevere');
      const t = h.t(language);
      const replies = await h.chat(p, 'msteams').say(word);
      assert.equal(replies.length, 1);
      const card = replies[0].attachments![0].content as AdaptiveCard;
      const text = visibleText(replies[0]);
      assert.ok(text.startsWith(`**${t('progress:title')}**\n${t('progress:checkins', { count: 3 })}`), text);
      assert.ok(text.includes(t('progress:band.moderatelySevere')));
      const chart = card.body.find((e): e is LineChart => e.type === 'Chart.Line');
      assert.ok(chart, 'a line chart');
      assert.equal(chart.title, t('progress:chart.title'));
      assert.deepEqual(chart.data.map((s) => s.legend), [t('progress:chart.mood'), t('progress:chart.craving')]);
      assert.deepEqual(chart.data[0].values, [
        { x: '2/21', y: 3 }, { x: '2/23', y: 4 }, { x: '2/24', y: 3 }, { x: '2/25', y: 4 }, { x: '3/1', y: 6 }, { x: '3/3', y: 7 }, { x: '3/5', y: 6 },
      ]);
      assert.deepEqual(chart.data[1].values.map((v) => v.y), [8, 7, 8, 7, 4, 3, 3]);
      assert.equal(chart.fallback.type, 'TextBlock', 'hosts without charts show the values as text');
      assert.match(chart.fallback.text, /3\/5 6/);
    }
  });

  it('a clinic that switches the band off gets no survey line', async () => {
    const off = await ChatHarness.start({ env: { PROGRESS_SHOW_SURVEY_BAND: 'false' } });
    try {
      const p = await off.participant('sms', { language: 'es' });
      await improvingWeeks(off, p);
      await measure(off, p, 'phq9', addDays(TODAY, -1), 22, 'severe');
      const text = await off.chat(p, 'sms').text('mi progreso');
      const t = off.t('es');
      assert.ok(!text.includes(t('progress:surveyName.phq9')), text);
      assert.equal(text.split('\n').length, 3);
    } finally {
      await off.stop();
    }
  });
});

describe('the progress text on SMS', () => {
  it('fits 2 segments for every combination of lines, in both languages', () => {
    const i18n = createI18n();
    const moods = [null, 'better', 'same', 'lower'] as const;
    const cravings = [null, 'lower', 'same', 'higher'] as const;
    const surveys = [null, ...(['phq9', 'gad7'] as const).flatMap((instrument) => BANDS.map((band) => ({ instrument, band })))];
    let checked = 0;
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const mood of moods) for (const craving of cravings) for (const survey of surveys) for (const [count, day] of [[7, 0], [1, 1], [0, 2], [12, 3]] as const) {
        const summary: ProgressSummary = { today: addDays(TODAY, day), checkinsThisWeek: count, mood, craving, survey, days: [] };
        assertFitsSms(renderProgress(summary, 'sms', t).text ?? '', `${language} ${mood} ${craving} ${JSON.stringify(survey)} ${count}`);
        checked++;
      }
    }
    assert.equal(checked, 2 * 4 * 4 * 11 * 4);
  });
});
