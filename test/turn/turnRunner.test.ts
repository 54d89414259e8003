import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Activity, ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import { silentLogger } from '../../bot/log';
import { DocumentStateStorage } from '../../bot/store/stateStorage';
import { conversationStateKey, TurnState } from '../../bot/turn/conversationState';
import { TurnHandler, TurnRunner } from '../../bot/turn/turnRunner';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

/**
 * The turn runner on a real store (both adapters): one read and one write per
 * turn, replies held until the state is saved, a turn re-run on fresh state
 * when another process wrote the conversation first.
 */
for (const factory of STORE_FACTORIES) {
  describe(`the turn runner (${factory.name})`, () => {
    let h: StoreHandle;
    let slot: DocumentStateStorage;
    let runner: TurnRunner;
    let adapter: TestAdapter;
    let key: string;

    beforeEach(async () => {
      h = await factory.make();
      slot = new DocumentStateStorage(h.store);
      runner = new TurnRunner(slot, silentLogger());
      adapter = new TestAdapter();
      key = conversationStateKey(adapter.conversation.channelId, adapter.conversation.conversation.id);
    });
    afterEach(() => h.cleanup());

    /** Runs one user message through the runner; resolves when the turn (and its replies) are done. */
    const turn = (text: string, handler: TurnHandler) => adapter.processActivity(text, (context) => runner.run(context, handler));
    const sent = () => adapter.activeQueue.map((a) => (a.type === ActivityTypes.Message ? a.text : a.type));

    /** Counts a turn's messages in conversation state and answers with the count. */
    const counting: TurnHandler = async (context, state) => {
      const count = (state.get<number>('count') ?? 0) + 1;
      state.set('count', count);
      await context.sendActivity(`count ${count}`);
    };

    test('each turn reads its state once and writes it once; a turn that changes nothing writes nothing', async () => {
      for (const expected of [1, 2, 3]) {
        const before = { ...h.store.stats };
        await turn('hi', counting);
        assert.equal(h.store.stats.reads - before.reads, 1, `turn ${expected}: one read`);
        assert.equal(h.store.stats.writes - before.writes, 1, `turn ${expected}: one write`);
        assert.equal(h.store.stats.queries - before.queries, 0);
      }
      assert.deepEqual(sent(), ['count 1', 'count 2', 'count 3']);
      assert.deepEqual((await slot.readOne(key))?.state, { count: 3 });

      const before = { ...h.store.stats };
      await turn('just looking', async (context, state) => {
        await context.sendActivity(`still ${state.get<number>('count')}`);
      });
      assert.equal(h.store.stats.reads - before.reads, 1);
      assert.equal(h.store.stats.writes - before.writes, 0, 'unchanged state is not written');
      assert.equal(sent().at(-1), 'still 3');
    });

    test('replies are held until the state is saved', async () => {
      await turn('hi', async (context, state) => {
        const response = await context.sendActivity('held reply');
        assert.match(response?.id ?? '', /^held-/);
        assert.equal(adapter.activeQueue.length, 0, 'nothing goes out before the save');
        state.set('seen', true);
      });
      assert.deepEqual(sent(), ['held reply']);
    });

    for (const { when, saved } of [
      { when: 'a new conversation (the create conflicts)', saved: undefined },
      { when: 'a saved conversation (the eTag no longer matches)', saved: 5 },
    ]) {
      test(`on ${when}: another write in between discards the held replies and re-runs the turn on fresh state`, async () => {
        if (saved !== undefined) await slot.writeOne(key, { count: saved }, null);
        const otherProcess = new DocumentStateStorage(h.store);
        const seen: Array<number | undefined> = [];
        await turn('hi', async (context, state) => {
          seen.push(state.get<number>('count'));
          await counting(context, state);
          // The first attempt loses the race: another instance saves this conversation before it does.
          if (seen.length === 1) await otherProcess.writeOne(key, { count: 100 }, '*');
        });
        assert.deepEqual(seen, [saved, 100], 'the re-run reads what the other instance saved');
        assert.deepEqual(sent(), ['count 101'], 'only the reply of the attempt whose state was kept goes out');
        assert.deepEqual((await slot.readOne(key))?.state, { count: 101 }, 'the other instance\'s write is built on, not overwritten');
      });
    }

    test('an invoke response passes straight through while the other replies wait', async () => {
      const invokeResponse: Partial<Activity> = { type: ActivityTypes.InvokeResponse, value: { status: 200, body: { ok: true } } };
      await adapter.processActivity({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action' }, (context) =>
        runner.run(context, async (ctx: TurnContext, state: TurnState) => {
          await ctx.sendActivity('updated');
          await ctx.sendActivity(invokeResponse);
          assert.deepEqual(sent(), [ActivityTypes.InvokeResponse], 'the channel waits for it in the HTTP reply');
          state.set('acted', true);
        }),
      );
      assert.deepEqual(sent(), [ActivityTypes.InvokeResponse, 'updated']);
    });

    test('a failing turn sends none of its held replies, saves nothing, and its error reaches the adapter', async () => {
      await assert.rejects(
        turn('hi', async (context, state) => {
          state.set('count', 1);
          await context.sendActivity('never seen');
          throw new TypeError('dialog bug');
        }),
        TypeError,
      );
      assert.deepEqual(sent(), []);
      assert.equal(await slot.readOne(key), undefined);
    });
  });
}
