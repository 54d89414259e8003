import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Services } from './services';
import type { TurnState } from './turn/conversationState';
import type { TurnRunner } from './turn/turnRunner';

/**
 * The contracts between the composition root (bot/app.ts) and what plugs into
 * it. Features import this module, never app.ts, so no feature depends on the
 * root that builds it.
 */

/** What handles one turn once state is loaded: Puente itself, or the echo floor in bench/. */
export interface Bot {
  handle(context: TurnContext, state: TurnState): Promise<void>;
}

/** What a feature is given to plug in its routes and channel work: the app's parts, not the app. */
export interface FeatureContext {
  services: Services;
  server: Server;
  adapter: CloudAdapter;
  runner: TurnRunner;
}

/** A part of the app that owns routes, background work or readiness facts. */
export interface Feature {
  name: string;
  register?(context: FeatureContext): void | Promise<void>;
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
  /** Facts merged into the /readyz body (asked only while the store answers). */
  readiness?(): Record<string, unknown> | Promise<Record<string, unknown>>;
}
