import { Activity, TurnContext } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { crisisFlagId, FlagReason } from '../flags/flag';
import { Language, translatorFor } from '../i18n';
import { Services } from '../services';
import { TurnState } from '../turn/conversationState';
import { readYesNo } from './episode';
import { crisisReason, fingerprint, flagMessage } from './episodeFlag';
import { EpisodePerson } from './safetyConversation';
import { DangerKind, RiskAssessment } from './risk';

/** Conversation-state key of the question waiting for its YES / NO. */
export const QUESTION_KEY = 'safetyQuestion';

export interface PendingQuestion {
  flagId: string;
  participantId: string;
  askedAt: string;
  kind: DangerKind | null;
}

/**
 * What the reply to the question came to:
 * - episode: YES, or crisis words: open the episode on the question's flag (with these reasons);
 * - resume: NO: a kind word was said, back to where they were;
 * - asked: more possible-risk words: they joined the flag and the question was asked again;
 * - none: no answer (or too late): the review flag stays for staff; handle the message as any other.
 */
export type QuestionReply =
  | { kind: 'episode'; flagId: string; danger: DangerKind; reasons: FlagReason[]; reason: string }
  | { kind: 'resume' | 'asked' | 'none' };

/**
 * The possible-risk tier: one direct question that itself carries 988 ("Are
 * you thinking about killing yourself or hurting yourself right now?"), and a
 * review flag for staff whatever the answer.
 */
export class RiskQuestion {
  constructor(private readonly services: Services) {}

  async ask(context: TurnContext, state: TurnState, person: EpisodePerson, risk: RiskAssessment): Promise<void> {
    const { activity } = context;
    const flag = await this.services.flags.raise({
      id: crisisFlagId(activity.channelId, activity.conversation.id, activity.id ?? fingerprint(activity)),
      participantId: person.participantId,
      source: 'crisis',
      reasons: [{ code: 'possible_risk', severity: this.services.flagRules.signals.possible_risk, detail: { kind: risk.kind ?? 'unknown', rule: risk.reason } }],
      message: activity.text ?? null,
      messageId: activity.id,
      sender: person.sender,
    });
    this.services.log.warn({ flagId: flag.id, participantId: person.participantId, reason: risk.reason }, 'possible risk: asked directly');
    await this.say(context, person.language, 'safety:question.ask');
    state.set(QUESTION_KEY, { flagId: flag.id, participantId: person.participantId, askedAt: this.services.clock().toISOString(), kind: risk.kind } satisfies PendingQuestion);
  }

  /** Reads the message as the reply to a pending question (and forgets the question unless it is asked again). */
  async reply(context: TurnContext, state: TurnState, person: EpisodePerson, pending: PendingQuestion, risk: RiskAssessment): Promise<QuestionReply> {
    state.set(QUESTION_KEY, undefined);
    const now = this.services.clock();
    if (now.getTime() - Date.parse(pending.askedAt) > this.services.config.safety.questionMinutes * 60_000) return { kind: 'none' };
    const text = context.activity.text ?? '';
    const { signals } = this.services.flagRules;
    if (risk.tier === 'crisis') {
      const reasons = [crisisReason(risk.kind ?? 'suicide', risk.reason, signals)];
      return { kind: 'episode', flagId: pending.flagId, danger: risk.kind ?? 'suicide', reasons, reason: risk.reason };
    }
    const answer = readYesNo(text);
    if (answer === 'yes') {
      const reasons = [{ code: 'risk_confirmed', severity: signals.risk_confirmed, detail: { kind: pending.kind ?? 'suicide' } }];
      return { kind: 'episode', flagId: pending.flagId, danger: pending.kind ?? 'suicide', reasons, reason: 'question_yes' };
    }
    if (answer === 'no' || risk.tier === 'possible_risk') {
      // Staff reviewing the flag see the answer, or the further words.
      await this.services.flags.addMessage(pending.participantId, pending.flagId, flagMessage(text, context.activity.id, now));
    }
    if (answer === 'no') {
      await this.say(context, person.language, 'safety:question.no');
      return { kind: 'resume' };
    }
    if (risk.tier === 'possible_risk') {
      await this.say(context, person.language, 'safety:question.ask');
      state.set(QUESTION_KEY, { ...pending, askedAt: now.toISOString() } satisfies PendingQuestion);
      return { kind: 'asked' };
    }
    return { kind: 'none' };
  }

  private async say(context: TurnContext, language: Language, textKey: string): Promise<void> {
    const t = translatorFor(this.services.i18n, language);
    await context.sendActivity(renderPrompt({ kind: 'message', textKey }, context.activity.channelId, t) as Partial<Activity>);
  }
}
