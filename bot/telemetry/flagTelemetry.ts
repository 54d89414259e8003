import type { FlagEvents } from '../flags/events';
import type { Flag } from '../flags/flag';
import { instruments } from './telemetry';

/** Counts raised flags by severity and source; returns the unsubscribe. */
export function countRaisedFlags(events: FlagEvents): () => void {
  return events.on('raised', async (flag) => {
    instruments().flagsRaised.add(1, { 'puente.severity': flag.severity, 'puente.source': flag.source });
  });
}

/** Seconds an urgent flag waited for its first acknowledgment. */
export function recordAcknowledged(flag: Flag): void {
  if (flag.severity !== 'urgent' || !flag.acknowledgedAt) return;
  const seconds = (new Date(flag.acknowledgedAt).getTime() - new Date(flag.createdAt).getTime()) / 1000;
  instruments().urgentAckSeconds.record(Math.max(0, seconds), { 'puente.source': flag.source });
}
