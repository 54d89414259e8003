import { Activity, ActivityTypes, ResourceResponse, TurnContext } from 'botbuilder';
import { Logger } from '../log';
import { inSpan } from '../telemetry/telemetry';
import { activeDialog, observeTurn, TurnFactsForTelemetry } from '../telemetry/turnTelemetry';
import { ConflictError, PreconditionFailedError } from '../store/port';
import { ConversationData, conversationStateKey, TurnState } from './conversationState';
import { KeyedQueue } from './keyedQueue';

/** Where conversation state is read and written: one document per conversation. */
export interface ConversationStateSlot {
  readOne(key: string): Promise<{ state: ConversationData; eTag: string } | undefined>;
  /** eTag null: create only. Rejects with ConflictError / PreconditionFailedError when someone else wrote first. */
  writeOne(key: string, state: ConversationData, eTag: string | null): Promise<unknown>;
}

export type TurnHandler = (context: TurnContext, state: TurnState) => Promise<void>;

const MAX_ATTEMPTS = 10;

/** A short random pause before a re-run, so two processes racing on one conversation drift apart. */
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

/**
 * Runs a turn so that no answer is ever lost:
 * - turns of one conversation run one at a time in this process (KeyedQueue);
 * - state is read once and written once, with its eTag; when another process
 *   wrote in between, the turn is run again on fresh state;
 * - replies are held back until the state is saved, so a re-run turn never
 *   sends twice and a user never sees a reply whose state was not kept.
 */
export class TurnRunner {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly slot: ConversationStateSlot,
    private readonly log: Logger,
  ) {}

  async run(context: TurnContext, handler: TurnHandler): Promise<void> {
    const { channelId, conversation } = context.activity;
    const key = conversationStateKey(channelId, conversation.id);
    await observeTurn(channelId, (facts) => this.queue.run(key, () => this.runWithRetry(context, key, handler, facts)));
  }

  /** Resolves when all accepted turns have finished (graceful shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  get inFlight(): number {
    return this.queue.size;
  }

  private async runWithRetry(context: TurnContext, key: string, handler: TurnHandler, facts: TurnFactsForTelemetry): Promise<void> {
    const outbox = new Outbox(context);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const loaded = await this.slot.readOne(key);
      const state = new TurnState(structuredClone(loaded?.state ?? {}));
      facts.attempts = attempt;
      facts.dialog = activeDialog(loaded?.state);
      outbox.hold();
      try {
        await handler(context, state);
        if (facts.dialog === 'none') facts.dialog = activeDialog(state.data);
        if (state.changed) await this.slot.writeOne(key, state.data, loaded?.eTag ?? null);
      } catch (err) {
        if (err instanceof ConflictError || err instanceof PreconditionFailedError) {
          this.log.info({ attempt, activityId: context.activity.id }, 'conversation state changed meanwhile; re-running turn');
          outbox.discard();
          await backoff(attempt);
          continue;
        }
        outbox.discard();
        throw err;
      }
      await outbox.release();
      return;
    }
    throw new Error(`conversation state kept changing for ${MAX_ATTEMPTS} attempts`);
  }
}

/**
 * Holds a turn's outgoing activities until the turn's state is saved. Invoke
 * responses pass straight through: the channel waits for them in the HTTP reply.
 */
class Outbox {
  private held: Partial<Activity>[] | undefined;
  private counter = 0;

  constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!this.held) return next();
      const passThrough = activities.filter((a) => a.type === ActivityTypes.InvokeResponse);
      this.held.push(...activities.filter((a) => a.type !== ActivityTypes.InvokeResponse));
      const sent: ResourceResponse[] = passThrough.length ? await this.context.adapter.sendActivities(this.context, passThrough) : [];
      return activities.map((a) => (a.type === ActivityTypes.InvokeResponse ? sent.shift() ?? { id: '' } : { id: `held-${++this.counter}` }));
    });
  }

  hold(): void {
    this.held = [];
  }

  discard(): void {
    this.held = undefined;
  }

  async release(): Promise<void> {
    const activities = this.held ?? [];
    this.held = undefined;
    if (activities.length) await inSpan('turn.reply', { 'puente.activities': activities.length }, () => this.context.sendActivities(activities));
  }
}
