import { instruments } from './telemetry';

/** One proactive message's fate, for the messages counter: kind (checkin, followup, reminder), never whom. */
export function countOutreach(outcome: 'sent' | 'failed' | 'skipped', attributes: { kind: string; reason?: string; channel?: string | null }): void {
  instruments().outreachMessages.add(1, {
    'puente.outcome': outcome,
    'puente.kind': attributes.kind,
    'puente.reason': attributes.reason ?? outcome,
    ...(attributes.channel ? { 'puente.channel': attributes.channel } : {}),
  });
}
