import { i18n } from 'i18next';
import { Clock } from './clock';
import { Config } from './config';
import { Participants } from './domain/participants';
import { Logger } from './log';
import { DocumentStore } from './store/port';

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
}
