import { Clock } from '../clock';
import { DocumentStore } from '../store/port';
import { TipCatalog } from './catalog';
import { TipFeedbackLog } from './feedback';
import { TipSelector } from './selection';

/** Coping tips as the dialogs use them: what exists, what to show next, what helped. */
export interface Tips {
  catalog: TipCatalog;
  selector: TipSelector;
  feedback: TipFeedbackLog;
}

export interface TipsOptions {
  catalog?: TipCatalog;
  /** Picks among unseen tips; tests pass a fixed sequence. */
  random?: () => number;
}

export function createTips(store: DocumentStore, clock: Clock, options: TipsOptions = {}): Tips {
  const catalog = options.catalog ?? TipCatalog.load();
  return { catalog, selector: new TipSelector(store, catalog, clock, options.random), feedback: new TipFeedbackLog(store) };
}
