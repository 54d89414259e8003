import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Activity, ActivityTypes, Middleware, TestAdapter } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { Language } from '../../bot/i18n';
import { QuestionSpec } from '../../bot/channels/prompt';
import { TurnState } from '../../bot/turn/conversationState';
import { setTurnFacts } from '../../bot/turn/turnFacts';
import { AdaptiveCard } from '../../bot/channels/teamsRenderer';
import { AnswerPrompt, UnreadablePolicy } from '../../dialogs/prompts/answerPrompt';
import { fixtureI18n, mood, note, phqItem, safety, sleep } from '../channels/promptFixtures';

const i18n = fixtureI18n();

/** What the turn pipeline does before dialogs run: a participant whose saved language is `language`. */
function languageMiddleware(language: Language): Middleware {
  const profile = { participantId: 'p-1', displayName: 'Alex', language, timeZone: 'America/New_York', refreshedAt: '2026-12-01T12:00:00.000Z' };
  return {
    onTurn: async (context, next) => {
      setTurnFacts(context, { state: new TurnState({}), i18n, profile, defaultLanguage: 'en' });
      await next();
    },
  };
}

function client(channelId: string, spec: QuestionSpec, language: Language = 'en', unreadable: UnreadablePolicy = 'moveOn'): DialogTestClient {
  return new DialogTestClient(channelId, new AnswerPrompt(AnswerPrompt.DEFAULT_ID, unreadable), spec, [languageMiddleware(language)]);
}

/**
 * Sends one activity and returns the first thing the prompt sent back, if anything.
 * The first activity of a test only begins the dialog, so its reply is the question.
 */
async function send(test: DialogTestClient, activity: Partial<Activity> | string): Promise<Partial<Activity> | undefined> {
  return test.sendActivity(activity);
}

function assertEnded(test: DialogTestClient, result: unknown): void {
  assert.equal(test.dialogTurnResult.status, DialogTurnStatus.complete);
  assert.deepEqual(test.dialogTurnResult.result, result);
}

function cardText(activity: Partial<Activity> | undefined): string[] {
  const card = activity?.attachments?.[0]?.content as AdaptiveCard;
  return card.body.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : []));
}

const cardSubmit = (data: Record<string, unknown>): Partial<Activity> => ({ type: ActivityTypes.Message, value: data });

describe('AnswerPrompt', () => {
  it('asks on sms and ends with the parsed answer', async () => {
    const test = client('sms', mood, 'es');
    assert.equal((await send(test, 'begin'))?.text, '¿Cómo está su ánimo hoy? 0 = peor, 10 = mejor\nResponda 0-10');
    assert.equal(await send(test, 'siete'), undefined);
    assertEnded(test, { status: 'answered', value: 7 });
  });

  it('re-prompts once with an example, then accepts a good answer', async () => {
    const test = client('sms', mood, 'en');
    await send(test, 'begin');
    assert.equal((await send(test, 'pretty good'))?.text, 'Please type a number from 0 to 10, for example 7.');
    assert.equal(test.dialogTurnResult.status, DialogTurnStatus.waiting);
    await send(test, '7/10');
    assertEnded(test, { status: 'answered', value: 7 });
  });

  for (const [language, moveOn] of [['en', "OK, let's move on."], ['es', 'Está bien, sigamos.']] as const) {
    it(`in a questionnaire, ends as invalid after a second unreadable reply, saying it moves on (${language})`, async () => {
      const test = client('sms', safety, language);
      await send(test, 'begin');
      assert.equal((await send(test, 'hmm'))?.text, i18n.getFixedT(language)('prompts:retry.yesno'));
      assert.equal((await send(test, 'no sé'))?.text, moveOn);
      assertEnded(test, { status: 'invalid' });
    });
  }

  for (const language of ['en', 'es'] as const) {
    it(`outside a questionnaire, shows a choice or yes/no question again with its options after a second unreadable reply (${language})`, async () => {
      const t = i18n.getFixedT(language);
      for (const spec of [safety, phqItem]) {
        const test = client('sms', spec, language, 'showOptionsAgain');
        const question = (await send(test, 'begin'))?.text;
        await send(test, 'hmm');
        assert.equal((await send(test, 'no sé'))?.text, t('prompts:optionsAgain'));
        assert.equal(test.getNextReply()?.text, question);
        assert.equal(test.dialogTurnResult.status, DialogTurnStatus.waiting, 'the question stays open');
        assert.match(question ?? '', /\n1 .+\n2 /);
        // The count starts again: the next unreadable reply gets the short hint, a good one ends the prompt.
        assert.doesNotMatch((await send(test, 'pfff'))?.text ?? '', /\n1 /);
        await send(test, '1');
        assert.equal(test.dialogTurnResult.status, DialogTurnStatus.complete);
      }
    });
  }

  it('on Teams, shows the same card again after a second unreadable reply (showOptionsAgain)', async () => {
    const test = client('msteams', phqItem, 'es', 'showOptionsAgain');
    const card = (await send(test, 'begin'))?.attachments;
    await send(test, 'hmm');
    await send(test, 'no sé');
    assert.deepEqual(test.getNextReply()?.attachments, card);
    assert.equal(test.dialogTurnResult.status, DialogTurnStatus.waiting);
  });

  it('a scale question still moves on after two unreadable replies whatever the policy', async () => {
    const test = client('sms', mood, 'en', 'showOptionsAgain');
    await send(test, 'begin');
    await send(test, 'hmm');
    assert.equal((await send(test, 'meh'))?.text, "OK, let's move on.");
    assertEnded(test, { status: 'invalid' });
  });

  it('reads an answer in the other language and an SMS option number', async () => {
    const english = client('sms', safety, 'en');
    await send(english, 'begin');
    await send(english, 'Sí');
    assertEnded(english, { status: 'answered', value: true });

    const spanish = client('sms', phqItem, 'es');
    await send(spanish, 'begin');
    await send(spanish, '2');
    assertEnded(spanish, { status: 'answered', value: '1' });
  });

  it('accepts a Teams card submit', async () => {
    const test = client('msteams', mood, 'es');
    assert.deepEqual(cardText(await send(test, 'begin')), ['¿Cómo está su ánimo hoy? 0 = peor, 10 = mejor']);
    await send(test, cardSubmit({ puentePrompt: 'sample:mood', puenteAnswer: '3' }));
    assertEnded(test, { status: 'answered', value: 3 });
  });

  it('accepts a typed answer on Teams', async () => {
    const test = client('msteams', sleep, 'en');
    await send(test, 'begin');
    await send(test, 'six and a half');
    assertEnded(test, { status: 'answered', value: 6.5 });
  });

  it('re-shows the question, without using the retry, when an older Teams card is clicked', async () => {
    const test = client('msteams', mood, 'en');
    await send(test, 'begin');
    assert.deepEqual(cardText(await send(test, cardSubmit({ puentePrompt: 'sample:sleep', puenteAnswer: '7' }))), [
      'How is your mood today? 0 = worst, 10 = best',
    ]);
    assert.deepEqual(cardText(await send(test, 'great')), [
      'Please type a number from 0 to 10, for example 7.',
      'How is your mood today? 0 = worst, 10 = best',
    ]);
    await send(test, '8');
    assertEnded(test, { status: 'answered', value: 8 });
  });

  it('ends as skipped on a skip word or the Teams Skip button', async () => {
    const sms = client('sms', note, 'es');
    await send(sms, 'begin');
    await send(sms, 'nada');
    assertEnded(sms, { status: 'skipped' });

    const teams = client('msteams', note, 'en');
    await send(teams, 'begin');
    await send(teams, cardSubmit({ puentePrompt: 'sample:note', puenteSkip: true }));
    assertEnded(teams, { status: 'skipped' });
  });

  it('keeps a free-text answer as typed', async () => {
    const test = client('webchat', note, 'en');
    await send(test, 'begin');
    await send(test, 'Rough day, but I went to group.');
    assertEnded(test, { status: 'answered', value: 'Rough day, but I went to group.' });
  });

  it('waits through non-message activities', async () => {
    const test = client('msteams', safety, 'en');
    await send(test, 'begin');
    assert.equal(await send(test, { type: ActivityTypes.Typing }), undefined);
    assert.equal(test.dialogTurnResult.status, DialogTurnStatus.waiting);
    await send(test, 'yes');
    assertEnded(test, { status: 'answered', value: true });
  });

  it('asks again as new on reprompt (after an interruption)', async () => {
    const adapter = new TestAdapter(async (context) => {
      await new AnswerPrompt().repromptDialog(context, { id: AnswerPrompt.DEFAULT_ID, state: { spec: safety, retried: true } });
    }, { channelId: 'webchat' });
    adapter.use(languageMiddleware('es'));
    await adapter
      .send('hola')
      .assertReply((activity) => {
        assert.equal(activity.text, 'Desde su último registro, ¿ha deseado estar muerto(a)?');
        assert.deepEqual(activity.suggestedActions?.actions.map((a) => a.title), ['Sí', 'No']);
      })
      .startTest();
  });

  it('refuses to run without the turn language instead of guessing one', async () => {
    const test = new DialogTestClient('sms', new AnswerPrompt(), mood);
    await assert.rejects(test.sendActivity('begin'), /turn facts are not set/);
  });

  it('refuses a message spec, which expects no answer', async () => {
    const test = new DialogTestClient('sms', new AnswerPrompt(), { kind: 'message', textKey: 'sample:thanks' }, [languageMiddleware('en')]);
    await assert.rejects(test.sendActivity('begin'), /needs a question spec/);
  });
});
