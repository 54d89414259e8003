import type { TurnContext } from 'botbuilder';
import type { i18n as I18n, TFunction } from 'i18next';
import { Participant } from '../domain/participant';
import { Language, languageOf } from '../i18n';
import { TurnState } from './conversationState';
import { guestLanguage, ProfileSnapshot, rememberProfile, setGuestLanguage } from './participantContext';

/**
 * What the turn pipeline knows about this turn, set once (bot/puenteBot.ts)
 * before the safety gate and dialogs run, and read with turnFacts(context):
 * who is writing, in which language, with which translator, on which state.
 * Prompts render and parse in the turn's language without knowing where it
 * came from.
 */
export interface TurnFacts {
  /** The conversation's loaded state (one read, one write per turn). */
  readonly state: TurnState;
  readonly i18n: I18n;
  /** The participant behind this conversation; undefined for a stranger. */
  readonly profile: ProfileSnapshot | undefined;
  readonly language: Language;
  /** False when nothing about the sender told the language and the default stands in for it. */
  readonly languageKnown: boolean;
  /** Translator fixed to `language`. */
  readonly t: TFunction;
}

const FACTS_KEY = 'puente.turnFacts';

class Facts implements TurnFacts {
  constructor(
    readonly state: TurnState,
    readonly i18n: I18n,
    public profile: ProfileSnapshot | undefined,
    public language: Language,
    public languageKnown: boolean,
  ) {}

  get t(): TFunction {
    return this.i18n.getFixedT(this.language);
  }
}

/**
 * The language of a turn, the one place it is worked out: the participant's
 * saved preference, then a language chosen before enrolling, then the
 * activity's locale, then the default (`known` false).
 */
export function resolveTurnLanguage(
  context: TurnContext,
  state: TurnState,
  profile: ProfileSnapshot | undefined,
  defaultLanguage: Language,
): { language: Language; known: boolean } {
  const told = profile?.language ?? guestLanguage(state) ?? languageOf(context.activity.locale);
  return { language: told ?? defaultLanguage, known: told !== undefined };
}

export function setTurnFacts(
  context: TurnContext,
  facts: { state: TurnState; i18n: I18n; profile: ProfileSnapshot | undefined; defaultLanguage: Language },
): TurnFacts {
  const { language, known } = resolveTurnLanguage(context, facts.state, facts.profile, facts.defaultLanguage);
  const record = new Facts(facts.state, facts.i18n, facts.profile, language, known);
  context.turnState.set(FACTS_KEY, record);
  return record;
}

/** This turn's facts; throws when the pipeline did not set them (never guess a language). */
export function turnFacts(context: TurnContext): TurnFacts {
  return factsOf(context);
}

/** This turn's facts if the pipeline got as far as setting them (the adapter's error reply asks). */
export function findTurnFacts(context: TurnContext): TurnFacts | undefined {
  const facts: unknown = context.turnState.get(FACTS_KEY);
  return facts instanceof Facts ? facts : undefined;
}

/**
 * The participant record changed (or was just linked): the profile snapshot in
 * conversation state and in this turn follow it, so later turns need no read.
 */
export function refreshProfile(context: TurnContext, participant: Participant, now: Date): ProfileSnapshot {
  const facts = factsOf(context);
  facts.profile = rememberProfile(facts.state, participant, now);
  return facts.profile;
}

/** The rest of this turn speaks `language` (a switch, or a participant just adopted). */
export function useLanguage(context: TurnContext, language: Language): void {
  const facts = factsOf(context);
  facts.language = language;
  facts.languageKnown = true;
}

/** Someone not enrolled yet chose a language: this turn and their later ones use it. */
export function chooseGuestLanguage(context: TurnContext, language: Language): void {
  setGuestLanguage(factsOf(context).state, language);
  useLanguage(context, language);
}

function factsOf(context: TurnContext): Facts {
  const facts = findTurnFacts(context);
  if (!facts) throw new Error('turn facts are not set: the turn pipeline sets them before the gate and dialogs run');
  return facts;
}
