import { createHash } from 'node:crypto';
import { Activity, Channels, TurnContext } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { crisisFlagId, unknownParticipantId } from '../flags/flag';
import { Language, LANGUAGES, translatorFor } from '../i18n';
import { Services } from '../services';
import { TurnState } from '../turn/conversationState';
import { ProfileSnapshot } from '../turn/participantContext';
import { turnFacts } from '../turn/turnFacts';
import { detectCrisis, CrisisScreen } from './crisis';
import { matchSmsKeyword, SmsKeywordMatch } from './keywords';

export type GateOutcome = 'handled' | 'continue';

/**
 * Conversation-state key: this conversation said STOP (value: ISO instant).
 * Kept here rather than read from the participant record so the gate costs no
 * read on an ordinary turn; the record's optedOutAt (what outreach obeys) is
 * written alongside it.
 */
export const OPTED_OUT_KEY = 'optedOutAt';

/** turnState mark: the crisis reply of this activity went out (a re-run turn must not send it twice). */
const CRISIS_REPLY_SENT = 'puente.crisisReplySent';

/**
 * What every inbound message passes before any dialog sees it.
 *
 * 1. Crisis language, in any state (opted out, mid-dialog, not enrolled):
 *    the crisis lines at once, an urgent flag carrying the message, the staff
 *    notification, then an offer to go on. The dialog stack is left as it is,
 *    so an interrupted check-in is answered on the next message.
 * 2. Opt-out (STOP, BAJA, "stop texting me" …): the record's optedOutAt, one
 *    confirmation, then silence in this conversation until opt-in. CANCEL /
 *    CANCELAR alone opt out on `sms` only (carrier keywords there); on other
 *    channels they reach the dialogs, where they cancel the current one.
 * 3. Opt-in (START, UNSTOP, REANUDAR, INICIAR): clears both, one confirmation.
 * 4. HELP / INFO on `sms` (and on any channel while opted out), AYUDA anywhere:
 *    the program help; AYUDA's carries the crisis lines.
 * 5. While opted out, every other message gets no reply.
 *
 * Strangers (no participant record) are treated the same; their crisis flags
 * carry participantId `unknown:<sha256 of channel:user>` (the id their link
 * would get) and `sender`, the only way back to them.
 */
export class SafetyGate {
  constructor(private readonly services: Services) {}

  async screen(context: TurnContext, state: TurnState, profile: ProfileSnapshot | undefined): Promise<GateOutcome> {
    const text = context.activity.text ?? '';
    const optedOut = state.get<string>(OPTED_OUT_KEY) !== undefined;
    if (text.trim() === '') return optedOut ? 'handled' : 'continue';

    const crisis = detectCrisis(text);
    if (crisis.crisis) {
      await this.answerCrisis(context, profile, crisis);
      return 'handled';
    }

    const keyword = matchSmsKeyword(text);
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

  // ── crisis ───────────────────────────────────────────────────────────────

  private async answerCrisis(context: TurnContext, profile: ProfileSnapshot | undefined, crisis: CrisisScreen): Promise<void> {
    const { language: turnFirst, languageKnown } = turnFacts(context);
    const known = languageKnown ? turnFirst : undefined;
    // The lines go out before anything is stored, and past the turn's held
    // replies: if the store fails, the person still gets them. A stranger
    // whose language nothing tells gets them in every language.
    await this.sendCrisisLines(context, known ? [known] : [turnFirst, ...LANGUAGES.filter((l) => l !== turnFirst)]);

    const { activity } = context;
    const participantId = profile?.participantId ?? unknownParticipantId(activity.channelId, activity.from.id);
    const flag = await this.services.flags.raise({
      id: crisisFlagId(activity.channelId, activity.conversation.id, activity.id ?? fingerprint(activity)),
      participantId,
      source: 'crisis',
      reasons: [{ code: 'crisis_language', severity: 'urgent', detail: { category: crisis.category ?? 'unknown', matched: crisis.matched ?? 'unknown' } }],
      message: activity.text ?? null,
      // A stranger has no record to find them by: this is how the care team reaches back.
      sender: profile
        ? null
        : { channelId: activity.channelId, userId: activity.from.id, conversationId: activity.conversation.id, serviceUrl: activity.serviceUrl },
    });
    this.services.log.warn({ flagId: flag.id, participantId, channelId: activity.channelId, matched: crisis.matched }, 'crisis language');
    await this.reply(context, known ?? turnFirst, 'safety:crisis.followup');
  }

  private async sendCrisisLines(context: TurnContext, languages: Language[]): Promise<void> {
    if (context.turnState.get(CRISIS_REPLY_SENT)) return;
    const reference = TurnContext.getConversationReference(context.activity);
    const activities = languages.map((language) =>
      TurnContext.applyConversationReference(this.render(context, language, 'safety:crisis.lines'), reference),
    );
    await context.adapter.sendActivities(context, activities);
    context.turnState.set(CRISIS_REPLY_SENT, true);
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

/** Channels always give an activity id; if one does not, the same delivery still maps to the same flag. */
function fingerprint(activity: Activity): string {
  return createHash('sha256').update(`${String(activity.timestamp ?? '')}\n${activity.from.id}\n${activity.text ?? ''}`).digest('hex');
}
