import { i18n } from 'i18next';
import { Clock } from './clock';
import { Config } from './config';
import { CheckIns } from './domain/checkins';
import { Participants } from './domain/participants';
import { FlagEvents } from './flags/events';
import { FlagRules } from './flags/rules';
import { FlagService } from './flags/service';
import { Logger } from './log';
import { DocumentStore } from './store/port';
import { Tips } from './tips/tips';

/**
 * What features and dialogs are given to do their work. Built once by the
 * composition root (bot/app.ts); tests build their own.
 */
export interface Services {
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  store: DocumentStore;
  participants: Participants;
  checkins: CheckIns;
  /** Raising and reading flags; every new flag is emitted on flagEvents. */
  flags: FlagService;
  /** 'raised' and 'changed': what staff alerts subscribe to (bot/flags/events.ts). */
  flagEvents: FlagEvents;
  /** The clinic's flag rules (config.flagRulesPath or the defaults), validated at start-up. */
  flagRules: FlagRules;
  /** Coping tips: catalog, what to show next, "did it help?" answers. */
  tips: Tips;
}
