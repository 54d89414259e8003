import { Activity, Channels, TurnContext } from 'botbuilder';
import { MessageSpec, PromptSpec } from '../channels/prompt';
import { renderPrompt } from '../channels/render';
import { crisisFlagId, FlagReason, FlagSender } from '../flags/flag';
import { Language, translatorFor } from '../i18n';
import { Services } from '../services';
import { DIALOG_STATE_KEY, TurnState } from '../turn/conversationState';
import { ProfileSnapshot } from '../turn/participantContext';
import { asksForLines, endWordOf, EPISODE_KEY, linesDue, quietPeriodOver, readSafeAnswer, SafeAnswer, SafetyEpisode } from './episode';
import { crisisReason, fingerprint, flagMessage } from './episodeFlag';
import { holdOutreach, releaseOutreach } from './episodeHold';
import { ackFor, ASK_SAFE, Audience, audienceOf, buttonAnswer, linesFor, meansLineFor, SAFE_LABEL, teamToldFor } from './episodeTexts';
import { matchSmsKeyword } from './keywords';
import { DangerKind, Means, RiskAssessment } from './risk';

/** Who is in the episode, as the gate knows them this turn. */
export interface EpisodePerson {
  profile: ProfileSnapshot | undefined;
  /** The participant, or `unknown:…` for a stranger. */
  participantId: string;
  language: Language;
  /** The languages the opening help goes out in: all of them for a stranger whose language nothing tells. */
  openingLanguages: Language[];
  /** How staff reach back a stranger; null for a participant. */
  sender: FlagSender | null;
}

export interface EpisodeOpening {
  kind: DangerKind;
  means: readonly Means[];
  /** Safe to log: which rule, score or answer opened it. */
  reason: string;
  /**
   * The flag the episode continues (a check-in's safety yes, the possible-risk
   * question's); absent: a new crisis flag for this message.
   */
  flag?: { id: string; reasons: FlagReason[] };
}

/** The personal safety plan, offered when the person says they are safe (its own feature provides it). */
/**
 * What a message in an open episode came to:
 * - handled: the episode answered it;
 * - ended: the episode is over (quiet period, staff said safe to resume, an
 *   opt-out): handle the message as any other;
 * - menu: the person asked for the menu: show it.
 */
export type EpisodeTurn = 'handled' | 'ended' | 'menu';

/** turnState mark: the crisis lines of this activity went out (a re-run turn must not send them twice). */
const LINES_SENT = 'puente.crisisLinesSent';

/**
 * The bot's side of a safety episode, a short warm script: the help for the
 * kind of danger, who was told, distance from the means, "Are you safe right
 * now?"; then no / not sure → 911 and 988 again and the flag says so; yes →
 * the safety plan and a grounding exercise; every later message joins the
 * flag, staff hear of it, and the person hears that staff have it.
 */
export class SafetyConversation {
  constructor(private readonly services: Services) {}

  async open(context: TurnContext, state: TurnState, person: EpisodePerson, opening: EpisodeOpening): Promise<void> {
    const now = this.services.clock();
    // The help goes out before anything is stored: if the store fails, the person still has it.
    await this.sendLines(context, person.openingLanguages, opening.kind);
    const flagId = await this.episodeFlag(context, person, opening);
    const episode: SafetyEpisode = {
      flagId,
      participantId: person.participantId,
      kind: opening.kind,
      openedAt: now.toISOString(),
      lastMessageAt: now.toISOString(),
      linesSentAt: now.toISOString(),
      askedSafe: true,
    };
    state.set(EPISODE_KEY, episode);
    await this.hold(person, episode);
    this.services.log.warn({ flagId, participantId: person.participantId, channelId: context.activity.channelId, reason: opening.reason }, 'safety episode opened');

    await this.say(context, person.language, teamToldFor(this.audience(person, now)));
    const meansLine = meansLineFor(opening.means);
    if (meansLine) await this.say(context, person.language, meansLine);
    await this.say(context, person.language, ASK_SAFE);
  }

  async continue(context: TurnContext, state: TurnState, person: EpisodePerson, episode: SafetyEpisode): Promise<EpisodeTurn> {
    const now = this.services.clock();
    const { activity } = context;
    const text = activity.text ?? '';
    if (quietPeriodOver(episode, now, this.services.config.safety)) return this.end(state, person, episode, 'quiet');
    const flag = await this.services.flags.get(episode.participantId, episode.flagId);
    if (!flag || (flag.safeToResumeAt && flag.safeToResumeAt >= episode.openedAt)) return this.end(state, person, episode, 'staff');

    const answer = episode.askedSafe ? readSafeAnswer(text, buttonAnswer(activity.value)) : undefined;
    const risk = text.trim() ? this.services.assessRisk(text) : undefined;
    const written = text.trim() || (answer ? this.t(person.language)(`safety:crisis.safe.${SAFE_LABEL[answer]}`) : '');
    if (written) await this.services.flags.addMessage(episode.participantId, episode.flagId, flagMessage(written, activity.id, now), this.reasonsOf(risk, answer));

    const endWord = endWordOf(text);
    if (endWord) {
      await this.say(context, person.language, { kind: 'message', textKey: 'safety:crisis.resumed' });
      await this.end(state, person, episode, endWord);
      return 'menu';
    }
    const keyword = matchSmsKeyword(text);
    if (keyword?.kind === 'opt_out' && (activity.channelId === Channels.Sms || !keyword.alsoDialogCancel)) return this.end(state, person, episode, 'opt_out');

    const kindChanged = risk?.tier === 'crisis' && risk.kind !== null && risk.kind !== episode.kind;
    if (kindChanged) episode.kind = risk.kind!;
    episode.lastMessageAt = now.toISOString();
    if (answer) episode.askedSafe = false;

    if (answer === 'no' || answer === 'not_sure' || asksForLines(text) || kindChanged || (risk?.tier === 'crisis' && linesDue(episode, now, this.services.config.safety))) {
      await this.sendLines(context, [person.language], episode.kind);
      episode.linesSentAt = now.toISOString();
    }
    if (answer === 'no' || answer === 'not_sure') await this.say(context, person.language, { kind: 'message', textKey: 'safety:crisis.notSafe' });
    if (answer === 'yes') await this.offerCoping(context, person);
    const meansLine = meansLineFor(risk?.means ?? []);
    if (meansLine) await this.say(context, person.language, meansLine);
    await this.say(context, person.language, ackFor(this.audience(person, now)));

    state.set(EPISODE_KEY, episode);
    await this.hold(person, episode);
    return 'handled';
  }

  // ── steps ────────────────────────────────────────────────────────────────

  private async episodeFlag(context: TurnContext, person: EpisodePerson, opening: EpisodeOpening): Promise<string> {
    const { activity } = context;
    const text = activity.text ?? '';
    if (opening.flag) {
      if (opening.flag.reasons.length && text.trim()) {
        await this.services.flags.addMessage(person.participantId, opening.flag.id, flagMessage(text, activity.id, this.services.clock()), opening.flag.reasons);
      }
      return opening.flag.id;
    }
    const flag = await this.services.flags.raise({
      id: crisisFlagId(activity.channelId, activity.conversation.id, activity.id ?? fingerprint(activity)),
      participantId: person.participantId,
      source: 'crisis',
      reasons: [crisisReason(opening.kind, opening.reason, this.services.flagRules.signals)],
      message: text || null,
      messageId: activity.id,
      sender: person.sender,
    });
    return flag.id;
  }

  private reasonsOf(risk: RiskAssessment | undefined, answer: SafeAnswer | undefined): FlagReason[] {
    const { signals } = this.services.flagRules;
    const reasons: FlagReason[] = [];
    if (risk?.tier === 'crisis' && risk.kind) reasons.push(crisisReason(risk.kind, risk.reason, signals));
    if (answer === 'no' || answer === 'not_sure') reasons.push({ code: 'says_not_safe', severity: signals.says_not_safe, detail: { answer } });
    return reasons;
  }

  /** "Yes, I'm safe": glad, the safety plan when there is one, and a grounding exercise offered. */
  private async offerCoping(context: TurnContext, person: EpisodePerson): Promise<void> {
    await this.say(context, person.language, { kind: 'message', textKey: 'safety:crisis.safeYes' });
    if (person.profile) await this.services.safetyPlan.offerInEpisode(context, person.profile.participantId, person.language);
    await this.say(context, person.language, { kind: 'message', textKey: 'safety:crisis.grounding' });
  }

  /** Ends the episode (never the flag). */
  private async end(state: TurnState, person: EpisodePerson, episode: SafetyEpisode, why: string): Promise<'ended'> {
    state.set(EPISODE_KEY, undefined);
    // What was on screen before the crisis is stale now; a check-in draft stays, so "check in" picks it up.
    state.set(DIALOG_STATE_KEY, undefined);
    this.services.log.info({ flagId: episode.flagId, participantId: person.participantId, why }, 'safety episode ended');
    if (person.profile) await releaseOutreach(this.services.participants, person.profile.participantId, episode.flagId);
    return 'ended';
  }

  private async hold(person: EpisodePerson, episode: SafetyEpisode): Promise<void> {
    if (!person.profile) return;
    const until = new Date(Date.parse(episode.lastMessageAt) + this.services.config.safety.episodeQuietHours * 3_600_000).toISOString();
    await holdOutreach(this.services.participants, person.profile.participantId, { flagId: episode.flagId, openedAt: episode.openedAt, until });
  }

  private audience(person: EpisodePerson, now: Date): Audience {
    const { config } = this.services;
    return audienceOf(!!person.profile, now, config.programHours, {
      timeZone: person.profile?.timeZone ?? config.programHours.timeZone,
      language: person.language,
      t: this.t(person.language),
    });
  }

  // ── sending ──────────────────────────────────────────────────────────────

  /** The help for the kind, past the turn's held replies (and once per activity, should the turn re-run). */
  private async sendLines(context: TurnContext, languages: Language[], kind: DangerKind): Promise<void> {
    if (context.turnState.get(LINES_SENT)) return;
    const reference = TurnContext.getConversationReference(context.activity);
    const activities = languages.map((language) => TurnContext.applyConversationReference(this.render(context, language, linesFor(kind)) as Partial<Activity>, reference));
    await context.adapter.sendActivities(context, activities);
    context.turnState.set(LINES_SENT, true);
  }

  private async say(context: TurnContext, language: Language, spec: PromptSpec | MessageSpec): Promise<void> {
    await context.sendActivity(this.render(context, language, spec));
  }

  private render(context: TurnContext, language: Language, spec: PromptSpec): Partial<Activity> {
    return renderPrompt(spec, context.activity.channelId, this.t(language));
  }

  private t(language: Language) {
    return translatorFor(this.services.i18n, language);
  }
}
