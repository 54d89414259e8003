import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdaptiveCard } from '../../bot/channels/teamsRenderer';
import { createI18n, LANGUAGES } from '../../bot/i18n';
import { renderPlan } from '../../bot/safetyPlan/render';
import { MAX_ITEM_LENGTH, MAX_ITEMS_PER_SECTION, planSectionsSchema, PlanSections } from '../../bot/safetyPlan/sections';
import { assertFitsSms } from '../helpers/sms';

const i18n = createI18n();

/** The plan's words as the messages carry them, without the title and part headings (the lines ending in ':'). */
function content(messages: string[]): string {
  return messages
    .flatMap((m) => m.split('\n'))
    .filter((line) => !line.endsWith(':'))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** `length` characters of words, accented (UCS-2 on SMS) when asked. */
function words(seed: string, length: number, accented: boolean): string {
  const word = accented ? 'canción' : 'walking';
  let text = seed;
  while (text.length < length) text += ` ${word}`;
  return text.slice(0, length);
}

/** The fullest plan validation allows: every part at its item limit, every item at its length limit. */
function fullestPlan(accented: boolean): PlanSections {
  const lines = (part: string) => Array.from({ length: MAX_ITEMS_PER_SECTION }, (_, i) => words(`${part}${i}`, MAX_ITEM_LENGTH, accented));
  const people = (part: string) => Array.from({ length: MAX_ITEMS_PER_SECTION }, (_, i) => ({ name: words(`${part}${i}`, 80, accented), phone: '+1 (555) 010-0123 ext 1234' }));
  return planSectionsSchema.parse({
    warningSigns: lines('w'),
    copingStrategies: lines('c'),
    distractions: lines('d'),
    helpers: people('h'),
    professionals: people('p'),
    environment: lines('e'),
    reasonsForLiving: lines('r'),
  });
}

describe('safety plan rendering', () => {
  for (const language of LANGUAGES) {
    for (const accented of [false, true]) {
      it(`keeps every SMS message of the fullest plan within 2 segments, losing no word (${language}, ${accented ? 'UCS-2' : 'GSM-7'} content)`, () => {
        const t = i18n.getFixedT(language);
        const plan = fullestPlan(accented);
        const messages = renderPlan(plan, 'sms', t).map((a) => a.text ?? '');
        for (const [i, text] of messages.entries()) assertFitsSms(text, `plan message ${i + 1}`);
        assert.ok(messages.length > 7, `a long plan is split within parts (${messages.length} messages)`);
        const all = content(messages);
        for (const item of [...plan.warningSigns, ...plan.reasonsForLiving]) assert.ok(all.includes(item), item.slice(0, 20));
        for (const c of plan.helpers) assert.ok(all.includes(`${c.name}: ${c.phone}`), c.name.slice(0, 20));
        assert.ok(messages.some((m) => m.startsWith(`${t('safetyplan:continued', { section: t('safetyplan:section.warningSigns') })}:`)), 'a part goes on under "(more)"');
        assert.equal(messages[messages.length - 1], t('safetyplan:closing'));
      });
    }

    it(`cuts one line too long for a message between words, and a run without spaces too (${language})`, () => {
      const t = i18n.getFixedT(language);
      const plan = planSectionsSchema.parse({ reasonsForLiving: ['😀'.repeat(100), words('x', 200, true)] });
      const messages = renderPlan(plan, 'sms', t).map((a) => a.text ?? '');
      for (const [i, text] of messages.entries()) assertFitsSms(text, `plan message ${i + 1}`);
      assert.ok(content(messages).replace(/\s/g, '').includes('😀'.repeat(100)));
    });

    it(`is one Adaptive Card on Teams, however long (${language})`, () => {
      const t = i18n.getFixedT(language);
      const [activity, ...more] = renderPlan(fullestPlan(true), 'msteams', t);
      assert.equal(more.length, 0);
      const card = activity.attachments?.[0]?.content as AdaptiveCard;
      assert.equal(card.type, 'AdaptiveCard');
      assert.equal(card.body.length, 1 + 7 * 2 + 1, 'title, a heading and a list per part, the closing');
      assert.ok(card.body.every((b) => b.type === 'TextBlock' && b.wrap));
    });

    it(`shows the kind "not yet" text for no plan and for an empty one (${language})`, () => {
      const t = i18n.getFixedT(language);
      for (const channel of ['sms', 'msteams', 'webchat']) {
        for (const plan of [undefined, planSectionsSchema.parse({})]) {
          const activities = renderPlan(plan, channel, t);
          assert.deepEqual(activities.map((a) => a.text), [t('safetyplan:none')], channel);
        }
      }
    });
  }
});
