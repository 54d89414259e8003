import { TurnContext } from 'botbuilder';
import { renderPrompt } from '../channels/render';
import { compilePattern } from '../safety/phraseMatcher';
import { foldForMatching } from '../safety/normalize';
import { Services } from '../services';
import { DocumentStore } from '../store/port';
import { ProfileSnapshot } from '../turn/participantContext';
import { turnFacts } from '../turn/turnFacts';
import { LEDGER, LedgerEntry } from './ledger';

/**
 * "Can't make it" in reply to a session reminder: the care team hears of it
 * (a low flag, CONTENT.md; its severity is the clinic's, rules.default.json
 * `signals`), and the participant is thanked in their language.
 *
 * "In reply" means: the participant's last session reminder that went out
 * (the outreach ledger's sent `reminder:` entries) was sent at most
 * OUTREACH_REMINDER_REPLY_HOURS before the message. Later, the same words are
 * left to the dialogs (there is no meeting they could be about).
 */

/**
 * Ways to say "I can't come", folded as the message is (bot/safety/normalize.ts:
 * lower case, no accents or apostrophes, doubled letters single). Whole words only.
 */
const CANT_ATTEND_PATTERNS: readonly string[] = [
  // English
  // "can't make it anymore" / "through" is not about a meeting: the safety screen hears those.
  "(can't|cannot|can not|won't|will not|wont be able to|not able to|unable to|couldn't) (make it(?! (anymore|any more|any longer|through))|come|go|attend|be there|get there)",
  "(i'll|i will|i'm going to|im gonna|i'm gonna|gonna|going to|have to|got to|gotta) (miss it|miss (the|my|this|today's|tomorrow's) (meeting|group|session|appointment))",
  "won't be there",
  // Spanish
  'no (puedo|podre|podria|voy a poder|vamos a poder) (ir|asistir|llegar|estar|venir|acudir)',
  'no (voy|vamos) a (ir|asistir|llegar|estar)',
  'no (llego|llegare|asistire|ire)',
  '(me la|me lo|me) voy a perder',
  'voy a faltar',
  'no (puedo|podre) (ir|asistir) a la (reunion|cita|sesion|junta)',
];

const CANT_ATTEND = CANT_ATTEND_PATTERNS.map((p) => compilePattern(p));

/** Does the message say the person cannot come? Pure. */
export function saysCantAttend(text: string): boolean {
  const folded = foldForMatching(text);
  return CANT_ATTEND.some((re) => re.test(folded));
}

/** The last reminder sent to the participant at or after `since`, if any. */
export async function lastReminderSince(store: DocumentStore, participantId: string, since: Date): Promise<LedgerEntry | undefined> {
  const { items } = await store.query<LedgerEntry>(LEDGER, {
    pk: participantId,
    where: [
      { field: 'kind', op: '=', value: 'reminder' },
      { field: 'state', op: '=', value: 'sent' },
      { field: 'sentAt', op: '>=', value: since.toISOString() },
    ],
  });
  return items.sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''))[0];
}

export const CANT_ATTEND_FLAG_PREFIX = 'outreach:cant-attend:';

export class ReminderReplies {
  constructor(private readonly services: Services) {}

  /**
   * Answers a participant's "can't make it" to a recent reminder; false when
   * the message is not one (the dialogs take it). Costs nothing on other
   * messages: the ledger is read only when the words match.
   */
  async handle(context: TurnContext, profile: ProfileSnapshot | undefined): Promise<boolean> {
    const text = context.activity.text ?? '';
    if (!profile || !saysCantAttend(text)) return false;
    const { clock, config, store, flags, flagRules, log } = this.services;
    const now = clock();
    const since = new Date(now.getTime() - config.outreach.reminderReplyHours * 3_600_000);
    const reminder = await lastReminderSince(store, profile.participantId, since);
    if (!reminder?.occurrenceId) return false;
    // One flag per meeting, however often they say so.
    await flags.raise({
      id: `${CANT_ATTEND_FLAG_PREFIX}${reminder.occurrenceId}`,
      participantId: profile.participantId,
      source: 'outreach',
      reasons: [
        { code: 'session_cant_attend', severity: flagRules.signals.session_cant_attend, detail: { occurrenceId: reminder.occurrenceId, remindedAt: reminder.sentAt ?? '' } },
      ],
    });
    log.info({ participantId: profile.participantId, occurrenceId: reminder.occurrenceId }, 'participant cannot attend a reminded session');
    await context.sendActivity(renderPrompt({ kind: 'message', textKey: 'outreach:reminder.cantAttend' }, context.activity.channelId, turnFacts(context).t));
    return true;
  }
}
