import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Activity, ActionTypes, CardFactory } from 'botbuilder';
import { LANGUAGES } from '../../bot/i18n';
import { PromptSpec } from '../../bot/channels/prompt';
import { renderPrompt } from '../../bot/channels/render';
import { AdaptiveCard, CardElement, SubmitAction } from '../../bot/channels/teamsRenderer';
import { parseAnswer } from '../../dialogs/prompts/parse';
import { fixtureI18n, mood, note, phqItem, phqItemAfterLegend, safety, sleep, use } from './promptFixtures';
import { assertPromptFitsSms } from '../helpers/sms';

const i18n = fixtureI18n();
const en = i18n.getFixedT('en');
const es = i18n.getFixedT('es');

function cardOf(activity: Partial<Activity>): AdaptiveCard {
  assert.equal(activity.attachments?.length, 1);
  const [attachment] = activity.attachments;
  assert.equal(attachment.contentType, CardFactory.contentTypes.adaptiveCard);
  return attachment.content as AdaptiveCard;
}

function submitsOf(card: AdaptiveCard): SubmitAction[] {
  return card.body.flatMap((e: CardElement) => (e.type === 'ActionSet' ? e.actions : []));
}

function textsOf(card: AdaptiveCard): string[] {
  return card.body.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : []));
}

describe('renderPrompt on sms', () => {
  it('writes a scale as the question and "Reply 0-10", nothing else', () => {
    const activity = renderPrompt(mood, 'sms', en);
    assert.equal(activity.text, 'How is your mood today? 0 = worst, 10 = best\nReply 0-10');
    assert.equal(activity.attachments, undefined);
    assert.equal(activity.suggestedActions, undefined);
    assert.equal(renderPrompt(mood, 'sms', es).text, '¿Cómo está su ánimo hoy? 0 = peor, 10 = mejor\nResponda 0-10');
  });

  it('numbers the options one per line with "Reply 1-n"', () => {
    assert.equal(renderPrompt(phqItem, 'sms', en).text, 'Feeling nervous, anxious, or on edge\n1 Not at all\n2 Several days\n3 More than half the days\n4 Nearly every day\nReply 1-4');
    assert.equal(renderPrompt(use, 'sms', es).text, '¿Ha consumido desde su último registro?\n1 Sí\n2 No\n3 Prefiero no decir\nResponda 1-3');
  });

  it('writes yes/no as "1 Yes 2 No" in the participant\'s language', () => {
    assert.equal(renderPrompt(safety, 'sms', en).text, 'Since your last check-in, have you wished you were dead?\n1 Yes\n2 No');
    assert.equal(renderPrompt(safety, 'sms', es).text, 'Desde su último registro, ¿ha deseado estar muerto(a)?\n1 Sí\n2 No');
  });

  it('leaves out options listed in an earlier message', () => {
    assert.equal(renderPrompt(phqItemAfterLegend, 'sms', es).text, 'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta\nResponda 1-4');
  });

  it('offers SKIP when the question allows it', () => {
    assert.equal(renderPrompt(note, 'sms', en).text, 'Anything you want your care team to know?\nOr reply SKIP');
    assert.equal(renderPrompt(note, 'sms', es).text, '¿Algo que quiera decirle a su equipo de atención?\nO responda SALTAR');
  });

  it('re-prompts with what a good answer looks like', () => {
    assert.equal(renderPrompt(mood, 'sms', en, { retry: true }).text, 'Please type a number from 0 to 10, for example 7.');
    assert.equal(renderPrompt(sleep, 'sms', es, { retry: true }).text, 'Por favor escriba un número del 0 al 24, por ejemplo 7.5.');
    assert.equal(renderPrompt(phqItem, 'sms', en, { retry: true }).text, 'Please reply with a number from 1 to 4.');
    assert.equal(renderPrompt(safety, 'sms', es, { retry: true }).text, 'Por favor responda sí o no.');
  });

  it('keeps the hints GSM-7 so English prompts keep 160 characters per segment', () => {
    for (const spec of [mood, sleep, safety, phqItem, note]) {
      const text = renderPrompt(spec, 'sms', en).text ?? '';
      assert.doesNotMatch(text, /[–—’“”]/, text);
    }
  });

  it('fits every sample prompt in 2 segments in both languages, first ask and re-prompt', () => {
    for (const spec of [mood, sleep, safety, use, note, phqItemAfterLegend]) assertPromptFitsSms(spec, i18n);
  });

  it('catches a prompt that would not fit (the long Spanish item with all four options inline)', () => {
    assert.throws(() => assertPromptFitsSms(phqItem, i18n), /3 SMS segments.*UCS-2 because of/s);
  });

  it('sends a plain message as its text', () => {
    const message: PromptSpec = { kind: 'message', textKey: 'sample:thanks', vars: { name: 'Ana' } };
    assert.equal(renderPrompt(message, 'sms', es).text, 'Gracias, Ana. Hasta mañana.');
  });
});

describe('renderPrompt on msteams', () => {
  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);

    it(`puts a scale on an Adaptive Card 1.5 with one Action.Submit per point (${language})`, () => {
      const card = cardOf(renderPrompt(mood, 'msteams', t));
      assert.equal(card.type, 'AdaptiveCard');
      assert.equal(card.version, '1.5');
      assert.deepEqual(textsOf(card), [t('sample:mood')]);
      assert.ok(card.body.every((e) => e.type !== 'TextBlock' || e.wrap === true));
      const submits = submitsOf(card);
      assert.equal(submits.length, 11);
      assert.ok(submits.every((s) => s.type === 'Action.Submit'));
      assert.deepEqual(submits[7], { type: 'Action.Submit', title: '7', data: { puentePrompt: 'sample:mood', puenteAnswer: '7' } });
      // Teams shows 6 buttons a row at most.
      assert.ok(card.body.every((e) => e.type !== 'ActionSet' || e.actions.length <= 6));
    });

    it(`labels yes/no and choice buttons in the language and submits the stored value (${language})`, () => {
      const yesNo = submitsOf(cardOf(renderPrompt(safety, 'msteams', t)));
      assert.deepEqual(yesNo.map((s) => [s.title, s.data.puenteAnswer]), [[t('prompts:yes'), 'yes'], [t('prompts:no'), 'no']]);
      const choice = submitsOf(cardOf(renderPrompt(phqItem, 'msteams', t)));
      assert.deepEqual(choice.map((s) => s.title), ['notAtAll', 'several', 'moreThanHalf', 'nearlyEvery'].map((k) => t(`sample:${k}`)));
      assert.deepEqual(choice.map((s) => s.data.puenteAnswer), ['0', '1', '2', '3']);
    });

    it(`asks for a number with Input.Number and a Send button (${language})`, () => {
      const card = cardOf(renderPrompt(sleep, 'msteams', t));
      const input = card.body.find((e) => e.type === 'Input.Number');
      assert.deepEqual(input, { type: 'Input.Number', id: 'puenteAnswer', min: 0, max: 24, placeholder: t('prompts:numberPlaceholder', { example: '7.5' }) });
      assert.deepEqual(submitsOf(card), [{ type: 'Action.Submit', title: t('prompts:send'), data: { puentePrompt: 'sample:sleep' } }]);
    });

    it(`keeps free text a message, with a Skip button when allowed (${language})`, () => {
      const plain = renderPrompt({ ...note, allowSkip: false }, 'msteams', t);
      assert.equal(plain.text, t('sample:note'));
      assert.equal(plain.attachments, undefined);
      const skippable = cardOf(renderPrompt(note, 'msteams', t));
      assert.deepEqual(submitsOf(skippable), [{ type: 'Action.Submit', title: t('prompts:skip'), data: { puentePrompt: 'sample:note', puenteSkip: true } }]);
    });

    it(`re-prompts with the hint above the question and the same buttons (${language})`, () => {
      const card = cardOf(renderPrompt(mood, 'msteams', t, { retry: true }));
      assert.deepEqual(textsOf(card), [t('prompts:retry.number', { min: 0, max: 10, example: '7' }), t('sample:mood')]);
      assert.equal(submitsOf(card).length, 11);
    });
  }

  it('round-trips: every button\'s data parses back to its own value', () => {
    for (const spec of [mood, safety, phqItem, use]) {
      for (const action of submitsOf(cardOf(renderPrompt(spec, 'msteams', es)))) {
        const parsed = parseAnswer({ value: action.data }, spec, { i18n, language: 'es' });
        assert.equal(parsed.ok, true, `${spec.textKey} ${action.title}`);
      }
    }
  });
});

describe('renderPrompt on webchat and other channels', () => {
  for (const channelId of ['webchat', 'emulator', 'directline', 'test']) {
    it(`offers scale points as imBack suggested actions (${channelId})`, () => {
      const activity = renderPrompt(mood, channelId, en);
      assert.equal(activity.text, en('sample:mood'));
      const actions = activity.suggestedActions?.actions ?? [];
      assert.deepEqual(actions.map((a) => a.value), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      assert.ok(actions.every((a) => a.type === ActionTypes.ImBack));
      assert.equal(activity.attachments, undefined);
    });
  }

  for (const language of LANGUAGES) {
    const t = i18n.getFixedT(language);
    it(`offers option labels, and Skip, in the participant's language (${language})`, () => {
      assert.deepEqual(renderPrompt(use, 'webchat', t).suggestedActions?.actions.map((a) => a.title), [t('prompts:yes'), t('prompts:no'), t('sample:preferNot')]);
      assert.deepEqual(renderPrompt(note, 'webchat', t).suggestedActions?.actions.map((a) => a.value), [t('prompts:skip')]);
    });

    it(`posts labels the parser reads back (${language})`, () => {
      for (const spec of [mood, safety, phqItem, use, note]) {
        for (const action of renderPrompt(spec, 'webchat', t).suggestedActions?.actions ?? []) {
          const parsed = parseAnswer({ text: String(action.value) }, spec, { i18n, language });
          assert.equal(parsed.ok, true, `${spec.textKey}: ${action.value}`);
        }
      }
    });
  }

  it('sends a number question as plain text and re-prompts with the hint first', () => {
    const first = renderPrompt(sleep, 'webchat', es);
    assert.equal(first.text, '¿Cuántas horas durmió anoche?');
    assert.equal(first.suggestedActions, undefined);
    assert.equal(renderPrompt(sleep, 'webchat', en, { retry: true }).text, 'Please type a number from 0 to 24, for example 7.5.\n\nHow many hours did you sleep last night?');
  });
});
