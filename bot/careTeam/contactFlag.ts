import { createHash } from 'node:crypto';
import { MessageSpec } from '../channels/prompt';
import { Clock } from '../clock';
import { ProgramHours } from '../domain/programHours';
import { FlagRules } from '../flags/rules';
import { FlagService } from '../flags/service';
import { Language, Translate } from '../i18n';
import { audienceOf } from '../safety/episodeTexts';

export interface ContactRequest {
  participantId: string;
  /** The turn's activity (channel, conversation, activity id): a re-run turn raises the same flag. */
  activityKey: string;
  language: Language;
  /** The participant's zone: "back at 8:00 AM" on their clock. */
  timeZone: string;
  t: Translate;
}

export function contactFlagId(activityKey: string): string {
  return `contact:${createHash('sha256').update(activityKey).digest('hex').slice(0, 32)}`;
}

/**
 * A participant asked for a person: a flag for the care team (reason
 * `contact_request`, severity from the clinic's flag rules, moderate by
 * default) and the honest answer of when someone will see it, from the
 * program hours (the same words the crisis replies use for "when").
 */
export class ContactRequests {
  constructor(
    private readonly flags: FlagService,
    private readonly rules: FlagRules,
    private readonly hours: ProgramHours,
    private readonly clock: Clock,
  ) {}

  async request(input: ContactRequest): Promise<MessageSpec> {
    await this.flags.raise({
      id: contactFlagId(input.activityKey),
      participantId: input.participantId,
      source: 'contact',
      reasons: [{ code: 'contact_request', severity: this.rules.signals.contact_request }],
    });
    const audience = audienceOf(true, this.clock(), this.hours, { timeZone: input.timeZone, language: input.language, t: input.t });
    if (audience.kind === 'team' && !audience.atWork) return { kind: 'message', textKey: 'careteam:contact.outOfHours', vars: { when: audience.when } };
    return { kind: 'message', textKey: 'careteam:contact.atWork' };
  }
}
