import type { TFunction } from 'i18next';
import { Activity, ActivityTypes, CardFactory, Channels, MessageFactory } from 'botbuilder';
import { AdaptiveCard, LineChart, TextBlock } from '../channels/teamsRenderer';
import { ProgressDay, ProgressSummary } from './summary';

/**
 * The progress summary as one channel shows it, in the participant's language
 * (`t` fixed to it): the week's check-ins, mood and cravings against last
 * week in words, the latest survey band in plain words (when shown), and a
 * line of encouragement from the locale files.
 * - sms (and Web Chat): one text, which fits 2 segments (the Spanish words
 *   are chosen without á í ó ú so the text stays GSM-7; a test renders every
 *   combination).
 * - msteams: an Adaptive Card with the same lines and a line chart of mood
 *   and cravings over the last 14 days (a text fallback where charts are not shown).
 */
export function renderProgress(summary: ProgressSummary, channelId: string, t: TFunction): Partial<Activity> {
  const lines = summaryLines(summary, t);
  if (channelId !== Channels.Msteams) return MessageFactory.text(lines.join('\n'));
  const block = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true });
  const title = t('progress:title');
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: [title, ...lines].join('\n'),
    body: [block(`**${title}**`), ...lines.map(block), chartOrNote(summary.days, t)],
  };
  return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] };
}

export function summaryLines(s: ProgressSummary, t: TFunction): string[] {
  const lines = [t('progress:checkins', { count: s.checkinsThisWeek })];
  const mood = s.mood && t(`progress:moodTrend.${s.mood}`);
  const craving = s.craving && t(`progress:cravingTrend.${s.craving}`);
  if (mood && craving) lines.push(t('progress:compare', { mood, craving }));
  else if (mood) lines.push(t('progress:compareMood', { mood }));
  else if (craving) lines.push(t('progress:compareCraving', { craving }));
  else lines.push(t('progress:noCompare'));
  if (s.survey) lines.push(t('progress:survey', { survey: t(`progress:surveyName.${s.survey.instrument}`), band: t(`progress:band.${s.survey.band}`) }));
  lines.push(...encouragement(s.today, t));
  return lines;
}

/** One of the clinic's lines (however many it keeps), a different one each day. */
function encouragement(today: string, t: TFunction): string[] {
  const pool: unknown = t('progress:encouragement', { returnObjects: true });
  const keys = pool && typeof pool === 'object' ? Object.keys(pool) : [];
  if (keys.length === 0) return [];
  const day = Math.floor(Date.parse(`${today}T00:00:00Z`) / 86_400_000);
  return [t(`progress:encouragement.${keys[day % keys.length]}`)];
}

function chartOrNote(days: ProgressDay[], t: TFunction): TextBlock | LineChart {
  const answered = days.filter((d) => d.mood !== null || d.craving !== null);
  if (answered.length === 0) return { type: 'TextBlock', text: t('progress:chart.noData'), wrap: true };
  const x = (d: ProgressDay) => `${Number(d.localDate.slice(5, 7))}/${Number(d.localDate.slice(8, 10))}`;
  const series = (legend: string, pick: (d: ProgressDay) => number | null) => ({
    legend,
    values: days.flatMap((d) => {
      const y = pick(d);
      return y === null ? [] : [{ x: x(d), y }];
    }),
  });
  return {
    type: 'Chart.Line',
    title: t('progress:chart.title'),
    data: [series(t('progress:chart.mood'), (d) => d.mood), series(t('progress:chart.craving'), (d) => d.craving)],
    fallback: {
      type: 'TextBlock',
      text: t('progress:chart.fallback', { values: answered.filter((d) => d.mood !== null).map((d) => `${x(d)} ${d.mood}`).join(', ') }),
      wrap: true,
    },
  };
}
