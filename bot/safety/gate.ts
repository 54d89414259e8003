import { Activity, Channels, TurnContext } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { unknownParticipantId } from '../flags/flag';
import { Language, LANGUAGES, translatorFor } from '../i18n';
import { Services } from '../services';
import { TurnState } from '../turn/conversationState';
import { ProfileSnapshot } from '../turn/participantContext';
import { turnFacts } from '../turn/turnFacts';
import { recognizeIntent } from '../turn/commands';
import { AnswerLabels } from './answerLabels';
import { EPISODE_KEY, SafetyEpisode } from './episode';
import { EpisodeRequest } from './episodeSignals';
import { matchSmsKeyword, SmsKeywordMatch } from './keywords';
import type { RiskAssessment } from './risk';
import { ReminderReplies } from '../outreach/reminderReply';
import { PendingQuestion, QUESTION_KEY, RiskQuestion } from './riskQuestion';
import { EpisodeOpening, EpisodePerson, SafetyConversation } from './safetyConversation';

/**
 * - handled: the gate answered; no dialog sees the message.
 * - continue: the dialogs handle it.
 * - resume: the gate answered (NO to the direct question); the dialogs ask their pending question again.
 * - crisis: the message opened a safety episode; the dialog it interrupted hears of it (CRISIS_EVENT), nothing else.
 */
export type GateOutcome = 'handled' | 'continue' | 'resume' | 'crisis';

/**
 * Conversation-state key: this conversation said STOP (value: ISO instant).
 * Kept here rather than read from the participant record so the gate costs no
 * read on an ordinary turn; the record's optedOutAt (what outreach obeys) is
 * written alongside it.
 */
export const OPTED_OUT_KEY = 'optedOutAt';

/**
 * What every inbound message passes before any dialog sees it.
 *
 * 1. An open safety episode owns the conversation (safetyConversation.ts):
 *    every message joins its flag and gets the episode's reply, until MENU /
 *    CONTINUE, staff's "safe to resume" or the quiet period end it.
 * 2. Risk (services.assessRisk), in any state (opted out, mid-dialog, not
 *    enrolled): the crisis tier opens a safety episode; the possible-risk tier
 *    asks the direct question (riskQuestion.ts), whose YES opens one and whose
 *    NO goes back to where the person was.
 * 3. Opt-out (STOP, BAJA, "stop texting me" …): the record's optedOutAt, one
 *    confirmation, then silence in this conversation until opt-in. CANCEL /
 *    CANCELAR alone opt out on `sms` only (carrier keywords there); on other
 *    channels they reach the dialogs, where they cancel the current one.
 *    "Can't make it" to a session reminder just sent (outreach/reminderReply.ts)
 *    is answered as such when only the model, not the lexicon, heard risk in it.
 * 4. Opt-in (START, UNSTOP, REANUDAR, INICIAR): clears both, one confirmation.
 * 5. HELP / INFO on `sms` (and on any channel while opted out), AYUDA anywhere:
 *    the program help; AYUDA's carries the crisis lines.
 * 6. While opted out, every other message gets no reply.
 *
 * Strangers (no participant record) are treated the same; their flags carry
 * participantId `unknown:<sha256 of channel:user>` (the id their link would
 * get) and `sender`, the only way back to them.
 */
export class SafetyGate {
  private readonly conversation: SafetyConversation;
  private readonly question: RiskQuestion;
  private readonly answerLabels: AnswerLabels;
  private readonly reminderReplies: ReminderReplies;

  constructor(private readonly services: Services) {
    this.conversation = new SafetyConversation(services);
    this.question = new RiskQuestion(services);
    this.answerLabels = new AnswerLabels(services.i18n);
    this.reminderReplies = new ReminderReplies(services);
  }

  async screen(context: TurnContext, state: TurnState, profile: ProfileSnapshot | undefined): Promise<GateOutcome> {
    const text = context.activity.text ?? '';
    const episode = state.get<SafetyEpisode>(EPISODE_KEY);
    if (episode) {
      const turn = await this.conversation.continue(context, state, this.person(context, profile), episode);
      if (turn === 'handled') return 'handled';
      if (turn === 'menu') return 'continue';
    }
    const optedOut = state.get<string>(OPTED_OUT_KEY) !== undefined;
    if (text.trim() === '') return optedOut ? 'handled' : 'continue';

    const risk = this.services.assessRisk(text);
    const pending = state.get<PendingQuestion>(QUESTION_KEY);
    if (pending) {
      const reply = await this.question.reply(context, state, this.person(context, profile), pending, risk);
      if (reply.kind === 'episode') {
        await this.openEpisode(context, state, profile, { kind: reply.danger, means: risk.means, reason: reply.reason, flag: { id: reply.flagId, reasons: reply.reasons } });
        return 'crisis';
      }
      if (reply.kind === 'resume') return 'resume';
      if (reply.kind === 'asked') return 'handled';
    }
    if (risk.tier === 'crisis') {
      await this.openEpisode(context, state, profile, { kind: risk.kind ?? 'suicide', means: risk.means, reason: risk.reason });
      return 'crisis';
    }
    const keyword = matchSmsKeyword(text);
    // "Can't make it" to a session reminder just sent is that: only the lexicon's risk words outrank it, not the model alone.
    const modelOnly = risk.tier === 'none' || (risk.tier === 'possible_risk' && risk.reason.startsWith('model:'));
    if (modelOnly && !keyword && !optedOut && (await this.reminderReplies.handle(context, profile))) return 'handled';
    // A request to stop or start messages is honoured as such: only the crisis tier outranks it.
    if (risk.tier === 'possible_risk' && keyword?.kind !== 'opt_out' && keyword?.kind !== 'opt_in' && !this.answersOwnQuestion(text, risk)) {
      await this.question.ask(context, state, this.person(context, profile), risk);
      return 'handled';
    }

    const onSms = context.activity.channelId === Channels.Sms;
    if (keyword?.kind === 'opt_out' && (onSms || !keyword.alsoDialogCancel)) {
      // One confirmation: a second STOP is met with the same silence as anything else.
      if (!optedOut) await this.optOut(context, state, profile, keyword);
      return 'handled';
    }
    if (keyword?.kind === 'opt_in' && (optedOut || onSms || (await this.recordOptedOut(profile)))) {
      await this.optIn(context, state, profile, keyword);
      return 'handled';
    }
    if (keyword?.kind === 'help' && (onSms || optedOut || keyword.alsoCrisisLines)) {
      const textKey = keyword.alsoCrisisLines ? 'safety:ayuda' : 'safety:help';
      await this.reply(context, this.replyLanguage(context, keyword), textKey);
      return 'handled';
    }
    return optedOut ? 'handled' : 'continue';
  }

  /** A dialog's ask (a check-in safety yes): the episode opens on the dialog's flag. */
  async openRequested(context: TurnContext, state: TurnState, profile: ProfileSnapshot | undefined, request: EpisodeRequest): Promise<void> {
    if (state.get<SafetyEpisode>(EPISODE_KEY)) return;
    await this.openEpisode(context, state, profile, { kind: request.kind, means: [], reason: request.reason, flag: { id: request.flagId, reasons: [] } });
  }

  // ── safety episode ───────────────────────────────────────────────────────

  private async openEpisode(context: TurnContext, state: TurnState, profile: ProfileSnapshot | undefined, opening: EpisodeOpening): Promise<void> {
    await this.conversation.open(context, state, this.person(context, profile), opening);
  }

  private person(context: TurnContext, profile: ProfileSnapshot | undefined): EpisodePerson {
    const { activity } = context;
    const { language, languageKnown } = turnFacts(context);
    const known = languageKnown ? language : undefined;
    return {
      profile,
      participantId: profile?.participantId ?? unknownParticipantId(activity.channelId, activity.from.id),
      language,
      // A stranger whose language nothing tells gets the help in every language.
      openingLanguages: known ? [known] : [language, ...LANGUAGES.filter((l) => l !== language)],
      // A stranger has no record to find them by: this is how the care team reaches back.
      sender: profile ? null : { channelId: activity.channelId, userId: activity.from.id, conversationId: activity.conversation.id, serviceUrl: activity.serviceUrl },
    };
  }

  // ── opt-out / opt-in ─────────────────────────────────────────────────────

  private async optOut(context: TurnContext, state: TurnState, profile: ProfileSnapshot | undefined, keyword: SmsKeywordMatch): Promise<void> {
    const now = this.services.clock().toISOString();
    state.set(OPTED_OUT_KEY, now);
    if (profile) {
      await this.services.participants.update(profile.participantId, (p) => {
        p.optedOutAt ??= now;
      });
    }
    this.services.log.info({ participantId: profile?.participantId, channelId: context.activity.channelId, form: keyword.form }, 'opted out');
    await this.reply(context, this.replyLanguage(context, keyword), 'safety:optOut.confirmed');
  }

  private async optIn(context: TurnContext, state: TurnState, profile: ProfileSnapshot | undefined, keyword: SmsKeywordMatch): Promise<void> {
    state.set(OPTED_OUT_KEY, undefined);
    if (profile) {
      await this.services.participants.update(profile.participantId, (p) => {
        p.optedOutAt = null;
      });
    }
    this.services.log.info({ participantId: profile?.participantId, channelId: context.activity.channelId }, 'opted in');
    await this.reply(context, this.replyLanguage(context, keyword), 'safety:optIn.confirmed');
  }

  /** START outside SMS in a conversation that never said STOP: only the record knows (one read, for this rare word). */
  private async recordOptedOut(profile: ProfileSnapshot | undefined): Promise<boolean> {
    if (!profile) return false;
    const participant = await this.services.participants.get(profile.participantId);
    return Boolean(participant?.optedOutAt);
  }

  // ── replies ──────────────────────────────────────────────────────────────

  /** The participant's language; for a stranger, the language of the keyword they used. */
  /**
   * A reply the bot itself offers — an answer option of its questionnaires (answerLabels.ts) or one of its
   * commands ("add to my plan") — asked about on the model's score alone. A request for a person is not
   * among them: whoever asks for someone may be asked how they are.
   */
  private answersOwnQuestion(text: string, risk: RiskAssessment): boolean {
    if (!risk.reason.startsWith('model:')) return false;
    const intent = recognizeIntent(text);
    const command = intent !== undefined && !(intent.kind === 'go' && intent.destination === 'contact');
    return command || this.answerLabels.isAnswerOption(text);
  }

  private replyLanguage(context: TurnContext, keyword: SmsKeywordMatch): Language {
    const { language, languageKnown } = turnFacts(context);
    return languageKnown ? language : (keyword.language ?? language);
  }

  private render(context: TurnContext, language: Language, textKey: string): Partial<Activity> {
    const t = translatorFor(this.services.i18n, language);
    return renderPrompt({ kind: 'message', textKey, vars: { clinicPhone: this.services.config.clinicPhone } }, context.activity.channelId, t);
  }

  private async reply(context: TurnContext, language: Language, textKey: string): Promise<void> {
    await context.sendActivity(this.render(context, language, textKey));
  }
}
