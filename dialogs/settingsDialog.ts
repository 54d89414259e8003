import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, DialogContext, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ChoicePromptSpec, PromptChoice, TextPromptSpec } from '../bot/channels/prompt';
import { turnFacts } from '../bot/turn/turnFacts';
import { Participant } from '../bot/domain/participant';
import { isOutsideQuietHours } from '../bot/domain/participantInput';
import { isLanguage } from '../bot/i18n';
import { DialogServices } from '../bot/services';
import { formatClockTime, formatTimeIn } from './localFormat';
import { currentProfile, switchLanguage, updateParticipant } from './participantUpdate';
import { AnswerPrompt, AnswerResult } from './prompts/answerPrompt';
import { say } from './say';
import { answerOf, Step, typedSteps } from './steps';
import { parseClockTime } from './settings/clockTime';
import { COMMON_ZONES } from '../bot/domain/timeZones';
import { commonZoneKey, zoneFromText } from './settings/timeZones';

export const SETTINGS_DIALOG = 'settings';

export const SETTINGS = ['language', 'checkinTime', 'reminders', 'timeZone', 'screenDay'] as const;
export type Setting = (typeof SETTINGS)[number];

export interface SettingsDialogOptions {
  /** Go straight to one setting instead of asking which. */
  setting?: Setting;
}

const FLOW = 'settings.flow';
const PROMPT = 'settings.prompt';
const ZONE_PROMPT = 'settings.zonePrompt';
const FLOW_OF: Readonly<Record<Setting, string>> = {
  language: 'settings.language',
  checkinTime: 'settings.checkinTime',
  reminders: 'settings.reminders',
  timeZone: 'settings.timeZone',
  screenDay: 'settings.screenDay',
};

/** Reminder lead times offered, in minutes. */
const LEAD_CHOICES = [15, 30, 60, 120] as const;
const REMINDERS_OFF = 'off';
const OTHER_ZONE = 'other';
/** A check-in time is asked at most this many times before the old one is kept. */
const CHECKIN_TIME_ATTEMPTS = 3;

interface CheckinTimeOptions {
  attempt: number;
  /** The re-ask after an unreadable or quiet-hours time. */
  retry?: { textKey: string; time?: string };
}

/**
 * Settings: language, daily check-in time (outside quiet hours only), session
 * reminders (lead time or off), time zone (common US zones or a typed IANA
 * name) and the weekly-questions day. Each change is saved to the participant
 * record (outreach reads it) and confirmed; one change per visit.
 */
export class SettingsDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(SETTINGS_DIALOG);
    this.addDialog(new WaterfallDialog(FLOW, typedSteps<SettingsDialogOptions>((s) => this.chooseSetting(s), (s) => this.openSetting(s))));
    this.addDialog(new WaterfallDialog(FLOW_OF.language, [(s) => this.askLanguage(s), (s) => this.saveLanguage(s)]));
    this.addDialog(
      new WaterfallDialog(FLOW_OF.checkinTime, typedSteps<CheckinTimeOptions>((s) => this.askCheckinTime(s), (s) => this.saveCheckinTime(s))),
    );
    this.addDialog(new WaterfallDialog(FLOW_OF.reminders, [(s) => this.askReminders(s), (s) => this.saveReminders(s)]));
    this.addDialog(
      new WaterfallDialog(FLOW_OF.timeZone, [(s) => this.askTimeZone(s), (s) => this.askOtherTimeZone(s), (s) => this.saveTimeZone(s)]),
    );
    this.addDialog(new WaterfallDialog(FLOW_OF.screenDay, [(s) => this.askScreenDay(s), (s) => this.saveScreenDay(s)]));
    this.addDialog(new AnswerPrompt(PROMPT));
    this.addDialog(new ZoneChoicePrompt(ZONE_PROMPT));
    this.initialDialogId = FLOW;
  }

  // ── which setting ────────────────────────────────────────────────────────

  private async chooseSetting(step: Step<SettingsDialogOptions>): Promise<DialogTurnResult> {
    const { setting } = step.options;
    if (setting) return step.next({ status: 'answered', value: setting } satisfies AnswerResult);
    const spec: ChoicePromptSpec = {
      kind: 'choice',
      id: 'settings.menu',
      textKey: 'settings:ask',
      choices: SETTINGS.map((s) => ({ value: s, labelKey: `settings:option.${s}` })),
    };
    return step.beginDialog(PROMPT, spec);
  }

  private async openSetting(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered') return step.endDialog();
    const setting = SETTINGS.find((s) => s === answer.value);
    if (!setting) return step.endDialog();
    return step.beginDialog(FLOW_OF[setting], setting === 'checkinTime' ? ({ attempt: 1 } satisfies CheckinTimeOptions) : undefined);
  }

  // ── language ─────────────────────────────────────────────────────────────

  private async askLanguage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const spec: ChoicePromptSpec = {
      kind: 'choice',
      id: 'settings.language',
      textKey: 'settings:language.ask',
      choices: [
        { value: 'en', labelKey: 'settings:language.en' },
        { value: 'es', labelKey: 'settings:language.es' },
      ],
    };
    return step.beginDialog(PROMPT, spec);
  }

  private async saveLanguage(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered' || !isLanguage(answer.value)) return step.endDialog();
    await switchLanguage(step.context, this.services, answer.value);
    await say(step.context, 'common:language.switched');
    return step.endDialog();
  }

  // ── check-in time ────────────────────────────────────────────────────────

  private async askCheckinTime(step: Step<CheckinTimeOptions>): Promise<DialogTurnResult> {
    const { retry } = step.options;
    const { language } = turnFacts(step.context);
    const { quietHours } = this.services.config;
    const participant = await this.participant(step);
    const spec: TextPromptSpec = {
      kind: 'text',
      id: 'settings.checkinTime',
      textKey: retry?.textKey ?? 'settings:checkinTime.ask',
      vars: {
        current: formatClockTime(participant.checkinTime, language),
        earliest: formatClockTime(quietHours.end, language),
        latest: formatClockTime(quietHours.start, language),
        ...(retry?.time ? { time: formatClockTime(retry.time, language) } : {}),
      },
    };
    return step.beginDialog(PROMPT, spec);
  }

  private async saveCheckinTime(step: Step<CheckinTimeOptions>): Promise<DialogTurnResult> {
    const { attempt } = step.options;
    const answer = answerOf(step);
    const { language } = turnFacts(step.context);
    const time = answer.status === 'answered' ? parseClockTime(String(answer.value)) : undefined;
    if (time && isOutsideQuietHours(time, this.services.config.quietHours)) {
      await updateParticipant(step.context, this.services, (p) => {
        p.checkinTime = time;
      });
      await say(step.context, 'settings:checkinTime.saved', { time: formatClockTime(time, language) });
      return step.endDialog();
    }
    if (answer.status === 'answered' && attempt < CHECKIN_TIME_ATTEMPTS) {
      const retry = time ? { textKey: 'settings:checkinTime.quiet', time } : { textKey: 'settings:checkinTime.unclear' };
      return step.replaceDialog(FLOW_OF.checkinTime, { attempt: attempt + 1, retry } satisfies CheckinTimeOptions);
    }
    const participant = await this.participant(step);
    await say(step.context, 'settings:checkinTime.unchanged', { current: formatClockTime(participant.checkinTime, language) });
    return step.endDialog();
  }

  // ── session reminders ────────────────────────────────────────────────────

  private async askReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { reminders } = await this.participant(step);
    const choices: PromptChoice[] = [
      ...LEAD_CHOICES.map((minutes) => ({ value: String(minutes), ...leadLabel(minutes, 'settings:reminders.minutes', 'settings:reminders.hours') })),
      { value: REMINDERS_OFF, labelKey: 'settings:reminders.off' },
    ];
    const ask = reminders.enabled ? leadLabel(reminders.leadMinutes, 'settings:reminders.askMinutes', 'settings:reminders.askHours') : undefined;
    const spec: ChoicePromptSpec = {
      kind: 'choice',
      id: 'settings.reminders',
      textKey: ask?.labelKey ?? 'settings:reminders.askOff',
      vars: ask?.vars,
      choices,
    };
    return step.beginDialog(PROMPT, spec);
  }

  private async saveReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered') return step.endDialog();
    if (answer.value === REMINDERS_OFF) {
      await updateParticipant(step.context, this.services, (p) => {
        p.reminders = { ...p.reminders, enabled: false };
      });
      await say(step.context, 'settings:reminders.savedOff');
      return step.endDialog();
    }
    const minutes = Number(answer.value);
    if (!LEAD_CHOICES.some((m) => m === minutes)) return step.endDialog();
    await updateParticipant(step.context, this.services, (p) => {
      p.reminders = { enabled: true, leadMinutes: minutes };
    });
    const saved = leadLabel(minutes, 'settings:reminders.savedMinutes', 'settings:reminders.savedHours');
    await say(step.context, saved.labelKey, saved.vars);
    return step.endDialog();
  }

  // ── time zone ────────────────────────────────────────────────────────────

  private async askTimeZone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const spec: ChoicePromptSpec = {
      kind: 'choice',
      id: 'settings.timeZone',
      textKey: 'settings:timeZone.ask',
      choices: [
        ...COMMON_ZONES.map(({ key, zone }) => ({ value: zone, labelKey: `settings:timeZone.zone.${key}` })),
        { value: OTHER_ZONE, labelKey: 'settings:timeZone.other' },
      ],
    };
    return step.beginDialog(ZONE_PROMPT, spec);
  }

  private async askOtherTimeZone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered') return step.endDialog();
    if (answer.value !== OTHER_ZONE) return step.next(answer);
    const spec: TextPromptSpec = { kind: 'text', id: 'settings.timeZoneOther', textKey: 'settings:timeZone.askOther' };
    return step.beginDialog(PROMPT, spec);
  }

  private async saveTimeZone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    if (answer.status !== 'answered') return step.endDialog();
    const { t, language } = turnFacts(step.context);
    const zone = zoneFromText(String(answer.value));
    if (!zone) {
      const participant = await this.participant(step);
      await say(step.context, 'settings:timeZone.unknown', { current: zoneLabel(participant.timeZone, t) });
      return step.endDialog();
    }
    await updateParticipant(step.context, this.services, (p) => {
      p.timeZone = zone;
    });
    await say(step.context, 'settings:timeZone.saved', {
      zone: zoneLabel(zone, t),
      time: formatTimeIn(this.services.clock(), zone, language),
    });
    return step.endDialog();
  }

  // ── weekly questions day ─────────────────────────────────────────────────

  private async askScreenDay(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const participant = await this.participant(step);
    const spec: ChoicePromptSpec = {
      kind: 'choice',
      id: 'settings.screenDay',
      textKey: 'settings:screenDay.ask',
      // A number, not a day name: the text names it in whatever language the prompt is shown in.
      vars: { current: participant.screenWeekday },
      choices: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), labelKey: `settings:weekday.${day}` })),
    };
    return step.beginDialog(PROMPT, spec);
  }

  private async saveScreenDay(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = answerOf(step);
    const day = answer.status === 'answered' ? Number(answer.value) : NaN;
    if (!Number.isInteger(day) || day < 1 || day > 7) return step.endDialog();
    await updateParticipant(step.context, this.services, (p) => {
      p.screenWeekday = day;
    });
    const { t } = turnFacts(step.context);
    await say(step.context, 'settings:screenDay.saved', { day: t(`settings:weekday.${day}`) });
    return step.endDialog();
  }

  private async participant(step: WaterfallStepContext): Promise<Participant> {
    const participant = await this.services.participants.get(currentProfile(step.context).participantId);
    if (!participant) throw new Error('participant record missing');
    return participant;
  }
}

/**
 * Is the dialog active in `dc` the settings dialog asking which language?
 * Then "español" is its answer, not an interruption to switch languages.
 */
export function asksLanguage(dc: DialogContext): boolean {
  return dc.activeDialog?.id === SETTINGS_DIALOG && Boolean(dc.child?.stack.some((instance) => instance.id === FLOW_OF.language));
}

/** "30 minutes …" or "2 hours …": the key (plural forms by count) and its vars. */
function leadLabel(minutes: number, minutesKey: string, hoursKey: string): { labelKey: string; vars: { count: number } } {
  return minutes % 60 === 0 ? { labelKey: hoursKey, vars: { count: minutes / 60 } } : { labelKey: minutesKey, vars: { count: minutes } };
}

function zoneLabel(zone: string, t: (key: string) => string): string {
  const key = commonZoneKey(zone);
  return key ? t(`settings:timeZone.zone.${key}`) : zone;
}

/**
 * The time-zone choice also takes a zone typed instead of picked
 * ("America/Mexico_City", "CST"), which the plain choice would re-prompt.
 */
class ZoneChoicePrompt extends AnswerPrompt {
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    const typed = activity.type === ActivityTypes.Message ? zoneFromText(activity.text) : undefined;
    if (typed) return dc.endDialog({ status: 'answered', value: typed } satisfies AnswerResult);
    return super.continueDialog(dc);
  }
}
