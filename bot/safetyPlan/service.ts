import type { Activity, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import { Clock } from '../clock';
import { Language } from '../i18n';
import { DocumentStore } from '../store/port';
import { renderPlan } from './render';
import { SafetyPlans } from './safetyPlans';
import { isEmptyPlan } from './sections';

/**
 * What conversations ask of safety plans (services.safetyPlan). The safety
 * episode offers the plan once the person says they are safe:
 *
 *   if (await services.safetyPlan.hasPlan(participantId)) {
 *     for (const a of await services.safetyPlan.activities(participantId, channelId, language)) await context.sendActivity(a);
 *   }
 *
 * `activities` is always safe to send: without a plan it is the one kind
 * "your care team can make one with you" text with 988.
 */
export interface SafetyPlanService {
  /** The store side: versions, suggestions (staff routes, the add-to-plan dialog). */
  readonly plans: SafetyPlans;
  /** True when the participant has a plan with something in it. */
  hasPlan(participantId: string): Promise<boolean>;
  /** The participant's plan as the messages (SMS) or card (Teams) to send on that channel, in that language. */
  activities(participantId: string, channelId: string, language: Language): Promise<Partial<Activity>[]>;
  /** In a safety episode, once the person says they are safe: sends their plan; false (nothing sent) when they have none. */
  offerInEpisode(context: TurnContext, participantId: string, language: Language): Promise<boolean>;
}

export function createSafetyPlanService(store: DocumentStore, clock: Clock, i18n: i18n): SafetyPlanService {
  const plans = new SafetyPlans(store, clock);
  return {
    plans,
    async hasPlan(participantId) {
      const current = await plans.current(participantId);
      return current !== undefined && !isEmptyPlan(current.sections);
    },
    async activities(participantId, channelId, language) {
      const current = await plans.current(participantId);
      return renderPlan(current?.sections, channelId, i18n.getFixedT(language));
    },
    async offerInEpisode(context, participantId, language) {
      const current = await plans.current(participantId);
      if (current === undefined || isEmptyPlan(current.sections)) return false;
      await context.sendActivities(renderPlan(current.sections, context.activity.channelId, i18n.getFixedT(language)));
      return true;
    },
  };
}
