import { Channels } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TFunction } from 'i18next';
import { countSegments, SMS_SEGMENT_BUDGET } from '../bot/channels/smsSegments';
import { turnFacts } from '../bot/turn/turnFacts';
import { SessionOccurrence, upcomingOccurrences } from '../bot/domain/sessions';
import { Language } from '../bot/i18n';
import { DialogServices } from '../bot/services';
import { formatWhen } from './localFormat';
import { currentProfile } from './participantUpdate';
import { say } from './say';

export const SESSIONS_DIALOG = 'sessions';

const FLOW = 'sessions.flow';
/** How many sessions a chat shows; SMS shows what fits its 2 segments, at most SMS_MOST. */
const CHAT_MOST = 5;
const SMS_MOST = 3;
/** A schedule title longer than this is cut on SMS rather than dropping the list. */
const SMS_TITLE_CHARS = 40;

/** How one listing is laid out; SMS tries them in order until one fits. */
interface Layout {
  count: number;
  withPlace: boolean;
  withLink: boolean;
  titleChars?: number;
}

const CHAT_LAYOUT: Layout = { count: CHAT_MOST, withPlace: true, withLink: true };
const SMS_LAYOUTS: Layout[] = [
  { count: SMS_MOST, withPlace: true, withLink: false },
  { count: SMS_MOST, withPlace: false, withLink: false },
  { count: 2, withPlace: false, withLink: false },
  { count: 1, withPlace: false, withLink: false },
  { count: 1, withPlace: false, withLink: false, titleChars: SMS_TITLE_CHARS },
];

/**
 * "My sessions": the participant's next sessions from the schedule, in their
 * language, time zone and date format ("Mon, Mar 3, 6:30 PM" /
 * "lun, 3 de mar, 6:30 p.m.").
 */
export class SessionsDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(SESSIONS_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, [(s) => this.list(s)]));
    this.initialDialogId = FLOW;
  }

  private async list(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const participant = await this.services.participants.get(currentProfile(context).participantId);
    if (!participant) return step.endDialog();

    const sms = context.activity.channelId === Channels.Sms;
    const most = sms ? SMS_MOST : CHAT_MOST;
    const upcoming = upcomingOccurrences(await this.services.sessions.list(), participant, this.services.clock(), most);
    if (upcoming.length === 0) {
      await say(context, 'sessions:none', { clinicPhone: this.services.config.clinicPhone });
      return step.endDialog();
    }

    const { t, language } = turnFacts(context);
    const describe = (layout: Layout) => listing(upcoming, layout, { t, language, timeZone: participant.timeZone });
    const layout = sms ? SMS_LAYOUTS.find((l) => fitsSms(t('sessions:list', { lines: describe(l) }))) ?? SMS_LAYOUTS[SMS_LAYOUTS.length - 1] : CHAT_LAYOUT;
    const lines = describe(layout);
    await say(context, 'sessions:list', { lines });
    return step.endDialog();
  }
}

interface ListingContext {
  t: TFunction;
  language: Language;
  timeZone: string;
}

function listing(upcoming: SessionOccurrence[], layout: Layout, ctx: ListingContext): string {
  return upcoming
    .slice(0, layout.count)
    .flatMap((occurrence) => {
      const { session } = occurrence;
      const fullTitle = titleOf(occurrence, ctx.t);
      const title = layout.titleChars && fullTitle.length > layout.titleChars ? `${fullTitle.slice(0, layout.titleChars - 3)}...` : fullTitle;
      const when = formatWhen(occurrence.start, ctx.timeZone, ctx.language);
      const line =
        layout.withPlace && session.location
          ? ctx.t('sessions:lineWithPlace', { when, title, location: session.location })
          : ctx.t('sessions:line', { when, title });
      return layout.withLink && session.link ? [line, ctx.t('sessions:join', { link: session.link })] : [line];
    })
    .join('\n');
}

/** A schedule title is a locale key (clinic wording in both languages) or the schedule's own text. */
function titleOf({ session }: SessionOccurrence, t: TFunction): string {
  const byKind = t(`sessions:kind.${session.kind}`);
  if (session.title.key) return t(session.title.key, { defaultValue: session.title.text ?? byKind });
  return session.title.text ?? byKind;
}

function fitsSms(text: string): boolean {
  return countSegments(text).segments <= SMS_SEGMENT_BUDGET;
}
