import { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogContext, DialogTurnResult, WaterfallDialog } from 'botbuilder-dialogs';
import { ChoicePromptSpec, YesNoPromptSpec } from '../bot/channels/prompt';
import { renderPrompt } from '../bot/channels/render';
import { ChannelAddress, Participant } from '../bot/domain/participant';
import { Language, isLanguage } from '../bot/i18n';
import { DialogServices } from '../bot/services';
import { chooseGuestLanguage, refreshProfile, turnFacts, useLanguage } from '../bot/turn/turnFacts';
import { AnswerPrompt, AnswerResult } from './prompts/answerPrompt';
import { answerOf, Step, typedSteps } from './steps';

export const ENROLLMENT_DIALOG = 'enrollment';
const BY_CODE = 'enrollment.byCode';
const OPEN = 'enrollment.open';

/** The code a by-code enrollment begins with, and what its steps keep. */
interface ByCodeOptions {
  code?: string;
}
interface ByCodeValues {
  participantId: string;
}
type ByCodeStep = Step<ByCodeOptions, ByCodeValues>;

/** What an open enrollment keeps between its steps. */
interface OpenValues {
  language: Language;
}
type OpenStep = Step<object, OpenValues>;

/** What the enrollment dialog ends with; the bot starts the main dialog after `enrolled`. */
export interface EnrollmentResult {
  enrolled: boolean;
}

/** "K7PX2MQA", "join K7PX2MQA", "UNIRME k7px2mqa". */
const CODE_MESSAGE = /^\s*(?:(?:join|unirme)\s+)?([a-z0-9]{6,10})\s*[.!]?\s*$/i;

export function enrollmentCodeIn(text: string | undefined): string | undefined {
  const match = CODE_MESSAGE.exec(text ?? '');
  return match ? match[1].toUpperCase() : undefined;
}

/**
 * Whether a message that failed as a code was meant as one: JOIN/UNIRME in
 * front, or a digit in it (every code we issue has one). "thanks" or "hello"
 * fit the code pattern too, and they get the general not-enrolled reply.
 */
function meantAsCode(text: string | undefined): boolean {
  const match = CODE_MESSAGE.exec(text ?? '');
  return match !== null && (/^\s*(?:join|unirme)\s/i.test(match[0]) || /\d/.test(match[1]));
}

const CONSENT: YesNoPromptSpec = { kind: 'yesno', textKey: 'enrollment:consent.ask' };
const LANGUAGE_CHOICE: ChoicePromptSpec = {
  kind: 'choice',
  textKey: 'enrollment:language.ask',
  choices: [
    { value: 'en', labelKey: 'enrollment:language.en' },
    { value: 'es', labelKey: 'enrollment:language.es' },
  ],
};

/**
 * How a stranger becomes a participant. With a one-time code from the care
 * team: link this channel user to the record, ask for consent to messages,
 * welcome. Without one: a short reply that the service is for enrolled
 * participants, which says nothing about anyone. With OPEN_ENROLLMENT (local
 * and development use): language, consent, and a new record on the spot.
 */
export class EnrollmentDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(ENROLLMENT_DIALOG);
    this.addDialog(new AnswerPrompt());
    this.addDialog(new WaterfallDialog(BY_CODE, typedSteps<ByCodeOptions, ByCodeValues>((s) => this.redeemCode(s), (s) => this.recordConsent(s))));
    this.addDialog(
      new WaterfallDialog(
        OPEN,
        typedSteps<object, OpenValues>((s) => this.askLanguage(s), (s) => this.askOpenConsent(s), (s) => this.createParticipant(s)),
      ),
    );
    this.initialDialogId = BY_CODE;
  }

  protected override async onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const code = enrollmentCodeIn(inner.context.activity.text);
    if (!code && this.services.config.openEnrollment) return inner.beginDialog(OPEN);
    return inner.beginDialog(BY_CODE, { code } satisfies ByCodeOptions);
  }

  private async redeemCode(step: ByCodeStep): Promise<DialogTurnResult> {
    const { code } = step.options;
    const participant = code ? await this.services.participants.redeemEnrollmentCode(code) : undefined;
    if (!participant) {
      // A wrong, expired and spent code get the same words: they say what to do, and nothing about anyone.
      await say(step.context, meantAsCode(step.context.activity.text) ? 'enrollment:codeInvalid' : 'enrollment:notEnrolled');
      return step.endDialog({ enrolled: false } satisfies EnrollmentResult);
    }
    const linked = await this.services.participants.link(participant.id, addressOf(step.context));
    this.adopt(step.context, linked);
    step.values.participantId = linked.id;
    this.services.log.info({ participantId: linked.id, channelId: step.context.activity.channelId }, 'participant linked');
    return askConsent(step);
  }

  private async recordConsent(step: ByCodeStep): Promise<DialogTurnResult> {
    const given = isYes(answerOf(step));
    const participant = await this.services.participants.update(step.values.participantId, (p) => {
      p.consent = { given, at: this.services.clock().toISOString(), channel: step.context.activity.channelId };
    });
    this.adopt(step.context, participant);
    await say(step.context, given ? 'enrollment:welcome' : 'enrollment:noConsent', { name: participant.displayName });
    return step.endDialog({ enrolled: given } satisfies EnrollmentResult);
  }

  private async askLanguage(step: OpenStep): Promise<DialogTurnResult> {
    return step.beginDialog(AnswerPrompt.DEFAULT_ID, LANGUAGE_CHOICE);
  }

  private async askOpenConsent(step: OpenStep): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    const chosen = answer.status === 'answered' && isLanguage(answer.value) ? answer.value : turnFacts(step.context).language;
    step.values.language = chosen;
    chooseGuestLanguage(step.context, chosen);
    return askConsent(step);
  }

  private async createParticipant(step: OpenStep): Promise<DialogTurnResult> {
    if (!isYes(answerOf(step))) {
      await say(step.context, 'enrollment:noConsentOpen');
      return step.endDialog({ enrolled: false } satisfies EnrollmentResult);
    }
    const { config, participants, clock } = this.services;
    const created = await participants.add({
      displayName: step.context.activity.from.name?.trim() || turnFacts(step.context).t('enrollment:guestName'),
      language: step.values.language,
      timeZone: config.programTimeZone,
      track: 'evening',
      checkinTime: '19:00',
      screenWeekday: 1,
      reminders: { enabled: true, leadMinutes: 60 },
    });
    await participants.link(created.id, addressOf(step.context));
    const participant = await participants.update(created.id, (p) => {
      p.consent = { given: true, at: clock().toISOString(), channel: step.context.activity.channelId };
    });
    await this.services.outreach.reschedule(participant.id);
    this.adopt(step.context, participant);
    this.services.log.info({ participantId: participant.id }, 'participant enrolled (open enrollment)');
    await say(step.context, 'enrollment:welcome', { name: participant.displayName });
    return step.endDialog({ enrolled: true } satisfies EnrollmentResult);
  }

  /** From now on this conversation speaks as this participant, in their language. */
  private adopt(context: TurnContext, participant: Participant): void {
    refreshProfile(context, participant, this.services.clock());
    useLanguage(context, participant.language);
  }

}

/** The carrier terms (program, what is sent, how often, rates, HELP, STOP) as their own text, then the yes/no question. */
async function askConsent(step: ByCodeStep | OpenStep): Promise<DialogTurnResult> {
  await say(step.context, 'enrollment:consent.terms');
  return step.beginDialog(AnswerPrompt.DEFAULT_ID, CONSENT);
}

function isYes(result: AnswerResult | undefined): boolean {
  return result?.status === 'answered' && result.value === true;
}

async function say(context: TurnContext, textKey: string, vars?: Record<string, string>): Promise<void> {
  const { t } = turnFacts(context);
  await context.sendActivity(renderPrompt({ kind: 'message', textKey, vars }, context.activity.channelId, t));
}

/** Where to reach this user later (outreach): the parts of the conversation reference we keep. */
export function addressOf(context: TurnContext): Omit<ChannelAddress, 'reachable' | 'linkedAt'> {
  const ref = TurnContext.getConversationReference(context.activity);
  const tenantId =
    (ref.conversation as { tenantId?: string } | undefined)?.tenantId ??
    (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    channelId: ref.channelId!,
    serviceUrl: ref.serviceUrl!,
    conversationId: ref.conversation!.id,
    userId: ref.user!.id,
    botId: ref.bot?.id ?? context.activity.recipient?.id ?? 'puente',
    ...(tenantId ? { tenantId } : {}),
    ...(context.activity.locale ? { locale: context.activity.locale } : {}),
  };
}
