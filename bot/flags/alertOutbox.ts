import type { Flag } from './flag';
import type { AlertKind, AlertOutbox, PendingAlert } from './alertOutboxRecord';

/**
 * The staff alerts a flag still owes the care team's Teams channel, kept on
 * the flag document itself. Every write that makes an alert due (raising,
 * a new episode message, an acknowledgement, the escalation) adds it to the
 * flag in that same eTag write, so no crash can leave a flag stored without
 * its alert, or an alert without its flag. Whichever instance gets there
 * first (right after the write, or on its minute tick) claims the outbox
 * with a lease and a fencing token, as outreach claims a message
 * (bot/outreach/ledger.ts), posts the entries in order and removes each one
 * it posted; a holder that died lets go when its lease runs out.
 */

/** Severities that reach the Teams channel. */
const ALERTED = new Set<Flag['severity']>(['urgent', 'high']);

const EMPTY: AlertOutbox = { pending: [], queued: 0, claim: null, fence: 0, attempts: 0, failures: 0, nextAttemptAt: null, lastFailure: null };

/** Whether the flag's alerts go out at all. */
function alerted(flag: Flag, kind: AlertKind): boolean {
  if (!ALERTED.has(flag.severity)) return false;
  return kind !== 'raised' || flag.status === 'open';
}

/**
 * The flag with `kind` queued (changed in place and returned), or unchanged
 * when the flag is not alerted. An update queued behind another one not yet
 * started adds nothing: both render the flag as it is when they go out.
 */
export function queueAlert(flag: Flag, kind: AlertKind, now: string): Flag {
  if (!alerted(flag, kind)) return flag;
  const outbox = flag.alertOutbox ?? EMPTY;
  const last = outbox.pending.at(-1);
  if (kind === 'changed' && last?.kind === 'changed' && !outbox.claim) return flag;
  const pending = [...outbox.pending, { id: `${kind}:${outbox.queued + 1}`, kind, queuedAt: now }];
  return withOutbox(flag, { ...outbox, pending, queued: outbox.queued + 1 });
}

/** The claimed flag for `owner` until `now + leaseMs`, or undefined when nothing is due or another live claim holds it. */
export function claimAlerts(flag: Flag, owner: string, now: Date, leaseMs: number): Flag | undefined {
  const outbox = flag.alertOutbox;
  const at = now.toISOString();
  if (!outbox?.pending.length) return undefined;
  if (outbox.claim && outbox.claim.until > at) return undefined;
  if (outbox.nextAttemptAt && outbox.nextAttemptAt > at) return undefined;
  const fence = outbox.fence + 1;
  return withOutbox(flag, { ...outbox, fence, claim: { owner, fence, until: new Date(now.getTime() + leaseMs).toISOString() } });
}

/** The first pending entry, when the claim `fence` is still the current one. */
export function headFor(flag: Flag, fence: number): PendingAlert | undefined {
  const outbox = flag.alertOutbox;
  return outbox?.claim?.fence === fence ? outbox.pending[0] : undefined;
}

/** Removes a posted entry and renews the lease for the next one; undefined when the claim was taken over. */
export function completeAlert(flag: Flag, fence: number, entryId: string, now: Date, leaseMs: number): Flag | undefined {
  const outbox = flag.alertOutbox;
  if (outbox?.claim?.fence !== fence) return undefined;
  const pending = outbox.pending.filter((p) => p.id !== entryId);
  const claim = pending.length ? { ...outbox.claim, until: new Date(now.getTime() + leaseMs).toISOString() } : null;
  return withOutbox(flag, { ...outbox, pending, claim, attempts: 0, nextAttemptAt: null });
}

/** Records a failed attempt and lets go of the claim until `retryAt`; undefined when the claim was taken over. */
export function failAlert(flag: Flag, fence: number, status: number | null, now: Date, retryAt: Date): Flag | undefined {
  const outbox = flag.alertOutbox;
  if (outbox?.claim?.fence !== fence) return undefined;
  return withOutbox(flag, {
    ...outbox,
    claim: null,
    attempts: outbox.attempts + 1,
    failures: outbox.failures + 1,
    nextAttemptAt: retryAt.toISOString(),
    lastFailure: { at: now.toISOString(), status },
  });
}

/**
 * The outbox with the two top-level fields the queries read: `alertDueAt`,
 * when a tick should look at it (its next attempt, the end of a live claim,
 * at once otherwise; null when nothing is pending), and `alertFailing`,
 * whether its last attempt failed.
 */
function withOutbox(flag: Flag, outbox: AlertOutbox): Flag {
  const pending = outbox.pending.length > 0;
  const dueAt = !pending ? null : (outbox.claim?.until ?? outbox.nextAttemptAt ?? outbox.pending[0].queuedAt);
  return Object.assign(flag, { alertOutbox: outbox, alertDueAt: dueAt, alertFailing: pending && outbox.attempts > 0 });
}
