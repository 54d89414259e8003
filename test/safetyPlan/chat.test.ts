import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Activity } from 'botbuilder';
import { AdaptiveCard } from '../../bot/channels/teamsRenderer';
import { Language } from '../../bot/i18n';
import { assessRisk } from '../../bot/safety/risk';
import { SECTIONS } from '../../bot/safetyPlan/sections';
import { DESTINATIONS } from '../../dialogs/mainIntents';
import { buttonData, ChatHarness, visibleText } from '../main/chatHarness';

const PLAN = {
  warningSigns: ['I stop answering my phone', 'No duermo'],
  copingStrategies: ['Walk around the block'],
  helpers: [{ name: 'Rosa', phone: '(555) 010-0123' }],
  professionals: [{ name: 'Clinic', phone: '555 010 0100' }, { name: '988 Lifeline', phone: '988' }],
  reasonsForLiving: ['My kids'],
};

/** Warning signs as a participant would write them, which the screen's model alone scores at the question tier. */
const WARNING_SIGN: Record<Language, string> = { en: 'I stop answering my phone and sleep all day', es: 'Cuando me aíslo y dejo de comer' };
const CRISIS: Record<Language, string> = { en: "I'm going to kill myself tonight", es: 'Me voy a matar esta noche' };

const WORDS: Record<Language, { show: string[]; add: string }> = {
  en: { show: ['my plan', 'My safety plan', 'my plan!'], add: 'add to my plan' },
  es: { show: ['mi plan', 'Mi plan de seguridad', 'mi plan.'], add: 'agregar a mi plan' },
};

const cards = (replies: Partial<Activity>[]) => replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content as AdaptiveCard));

describe('safety plan in the conversation', () => {
  let h: ChatHarness;
  before(async () => {
    h = await ChatHarness.start();
  });
  after(() => h.stop());

  it('tells other conversations (the safety episode) whether there is a plan, and gives its messages per channel and language', async () => {
    const p = await h.participant('sms');
    const { safetyPlan } = h.services;
    assert.equal(await safetyPlan.hasPlan(p.id), false);
    assert.deepEqual((await safetyPlan.activities(p.id, 'sms', 'es')).map((a) => a.text), [h.t('es')('safetyplan:none')]);
    const first = await safetyPlan.plans.save(p.id, PLAN, null, 'clin@example.org');
    assert.equal(await safetyPlan.hasPlan(p.id), true);
    assert.equal((await safetyPlan.activities(p.id, 'msteams', 'en')).length, 1);
    assert.ok((await safetyPlan.activities(p.id, 'sms', 'es'))[0].text!.startsWith(h.t('es')('safetyplan:title')));
    await safetyPlan.plans.save(p.id, {}, first.plan._etag, 'clin@example.org');
    assert.equal(await safetyPlan.hasPlan(p.id), false, 'a plan emptied by staff is no plan');
  });

  for (const channel of ['sms', 'msteams']) {
    for (const language of ['en', 'es'] as const) {
      describe(`${channel} (${language})`, () => {
        it('without a plan: the kind "not yet" text with 988, for every way of asking', async () => {
          const p = await h.participant(channel, { language });
          const chat = h.chat(p, channel);
          for (const words of WORDS[language].show) {
            const replies = await chat.say(words);
            assert.equal(replies.length, 1, words);
            assert.equal(visibleText(replies[0]), h.t(language)('safetyplan:none'), words);
            assert.match(visibleText(replies[0]), /988/);
          }
        });

        it('with a plan: every part that has something, and the crisis lines; from the words and from the menu', async () => {
          const p = await h.participant(channel, { language });
          await h.services.safetyPlan.plans.save(p.id, PLAN, null, 'clin@example.org');
          const t = h.t(language);
          const chat = h.chat(p, channel);
          const replies = await chat.say(WORDS[language].show[0]);
          const text = replies.map(visibleText).join('\n');
          for (const s of ['warningSigns', 'copingStrategies', 'helpers', 'professionals', 'reasonsForLiving']) assert.ok(text.includes(t(`safetyplan:section.${s}`)), s);
          for (const s of ['distractions', 'environment']) assert.ok(!text.includes(t(`safetyplan:section.${s}`)), `empty ${s} left out`);
          for (const item of ['I stop answering my phone', 'No duermo', 'Walk around the block', 'Rosa: (555) 010-0123', '988 Lifeline: 988', 'My kids']) {
            assert.ok(text.includes(item), item);
          }
          assert.ok(text.includes(t('safetyplan:closing')));
          if (channel === 'sms') {
            // One message per part (the title rides on the first), then the closing; each within budget (the harness checks).
            assert.equal(replies.length, 6);
            assert.ok(replies[0].text!.startsWith(`${t('safetyplan:title')}\n${t('safetyplan:section.warningSigns')}:`));
          } else {
            assert.equal(replies.length, 1, 'one Teams message');
            assert.equal(cards(replies).length, 1, 'one Adaptive Card');
            assert.ok(!replies[0].text);
          }

          // The menu entry shows the same.
          const menu = await chat.say('menu');
          const pick = channel === 'sms' ? String(DESTINATIONS.indexOf('plan') + 1) : { value: buttonData(menu, t('common:menu.plan')) };
          assert.equal((await chat.say(pick)).map(visibleText).join('\n'), text);
        });

        it('adds to the plan: part, then words; stored as a suggestion, and in the plan once staff accept it', async () => {
          const p = await h.participant(channel, { language });
          const first = await h.services.safetyPlan.plans.save(p.id, PLAN, null, 'clin@example.org');
          const t = h.t(language);
          const chat = h.chat(p, channel);

          const ask = await chat.say(WORDS[language].add);
          assert.ok(visibleText(ask[0]).startsWith(t('safetyplan:add.ask')));
          for (const s of SECTIONS) assert.ok(visibleText(ask[0]).includes(t(`safetyplan:add.choice.${s}`)), s);
          if (channel === 'sms') assert.ok(ask[0].text!.endsWith(t('prompts:sms.replyRange', { min: 1, max: 7 })));
          else assert.equal(cards(ask).length, 1);

          const pick = channel === 'sms' ? String(SECTIONS.indexOf('distractions') + 1) : { value: buttonData(ask, t('safetyplan:add.choice.distractions')) };
          assert.equal(await chat.text(pick), t('safetyplan:add.text', { section: t('safetyplan:add.choice.distractions') }));
          assert.equal(await chat.text('Ir al parque con mi perro'), t('safetyplan:add.thanks'));

          const [suggestion, ...others] = await h.services.safetyPlan.plans.openSuggestions(p.id);
          assert.equal(others.length, 0);
          assert.equal(suggestion.section, 'distractions');
          assert.equal(suggestion.text, 'Ir al parque con mi perro');
          assert.equal(suggestion.channel, channel);
          const current = await h.services.safetyPlan.plans.current(p.id);
          assert.equal(current?.version, 1, 'not in the plan before staff accept it');
          assert.ok(!(await chat.text(WORDS[language].show[0])).includes('Ir al parque'));

          const { plan } = await h.services.safetyPlan.plans.accept(p.id, suggestion.id, first.plan._etag, 'clin@example.org');
          assert.equal(plan.version, 2);
          const shown = await chat.text(WORDS[language].show[0]);
          assert.ok(shown.includes(t('safetyplan:section.distractions')));
          assert.ok(shown.includes('- Ir al parque con mi perro'));
        });

        it('a warning sign that sounds like risk is stored, not questioned; a crisis statement still opens the episode', async () => {
          const p = await h.participant(channel, { language });
          const t = h.t(language);
          const chat = h.chat(p, channel);
          const sign = WARNING_SIGN[language];
          const risk = assessRisk(sign);
          assert.ok(risk.tier === 'possible_risk' && risk.reason.startsWith('model:'), `the entry must be one the model alone would question: ${risk.reason}`);

          const ask = await chat.say(WORDS[language].add);
          const pick = channel === 'sms' ? String(SECTIONS.indexOf('warningSigns') + 1) : { value: buttonData(ask, t('safetyplan:add.choice.warningSigns')) };
          await chat.say(pick);
          assert.equal(await chat.text(sign), t('safetyplan:add.thanks'));
          assert.deepEqual((await h.services.safetyPlan.plans.openSuggestions(p.id)).map((x) => x.text), [sign]);

          // Away from the plan the same words get the question.
          assert.ok((await chat.text(sign)).includes('988'), 'outside the plan entry the model asks');
        });

        it('a crisis statement typed as a plan entry opens the episode instead', async () => {
          const p = await h.participant(channel, { language });
          const t = h.t(language);
          const chat = h.chat(p, channel);
          const ask = await chat.say(WORDS[language].add);
          const pick = channel === 'sms' ? String(SECTIONS.indexOf('reasonsForLiving') + 1) : { value: buttonData(ask, t('safetyplan:add.choice.reasonsForLiving')) };
          await chat.say(pick);
          assert.ok((await chat.text(CRISIS[language])).includes('988'));
          assert.deepEqual(await h.services.safetyPlan.plans.openSuggestions(p.id), [], 'not taken as an entry');
        });

        it('adds nothing when the participant leaves the question', async () => {
          const p = await h.participant(channel, { language });
          const chat = h.chat(p, channel);
          await chat.say(WORDS[language].add);
          const ask = await chat.say('menu');
          assert.ok(visibleText(ask[0]).startsWith(h.t(language)('common:menu.ask')));
          assert.deepEqual(await h.services.safetyPlan.plans.openSuggestions(p.id), []);
        });
      });
    }
  }
});
