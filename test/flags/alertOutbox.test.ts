import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimAlerts, completeAlert, failAlert, headFor, queueAlert } from '../../bot/flags/alertOutbox';
import { Flag, Severity } from '../../bot/flags/flag';
import { flagDoc } from '../helpers/flags';

const NOW = new Date('2026-12-01T15:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

function flag(severity: Severity, status: Flag['status'] = 'open'): Flag {
  return flagDoc('p1', 'checkin:1', severity, NOW.toISOString(), { status });
}

describe('the alert outbox on a flag', () => {
  test('only urgent and high flags queue alerts; a raise only while open', () => {
    assert.equal(queueAlert(flag('moderate'), 'raised', NOW.toISOString()).alertOutbox, undefined);
    assert.equal(queueAlert(flag('high', 'acknowledged'), 'raised', NOW.toISOString()).alertOutbox, undefined);
    const queued = queueAlert(flag('high', 'acknowledged'), 'changed', NOW.toISOString());
    assert.deepEqual(queued.alertOutbox!.pending, [{ id: 'changed:1', kind: 'changed', queuedAt: NOW.toISOString() }]);
    assert.equal(queued.alertDueAt, NOW.toISOString(), 'due at once');
  });

  test('an update queued behind one not started adds nothing; behind one being posted it is kept', () => {
    const f = queueAlert(queueAlert(flag('urgent'), 'changed', NOW.toISOString()), 'changed', NOW.toISOString());
    assert.equal(f.alertOutbox!.pending.length, 1);
    const claimed = claimAlerts(f, 'a', NOW, 60_000)!;
    assert.equal(queueAlert(claimed, 'changed', NOW.toISOString()).alertOutbox!.pending.length, 2);
  });

  test('one live claim at a time, with a new token per claim; a stale token writes nothing', () => {
    const f = queueAlert(queueAlert(flag('urgent'), 'raised', NOW.toISOString()), 'message', NOW.toISOString());
    const a = claimAlerts(structuredClone(f), 'a', NOW, 60_000)!;
    assert.equal(a.alertDueAt, at(60_000).toISOString(), 'a tick looks again when the lease ends');
    assert.equal(claimAlerts(structuredClone(a), 'b', at(59_000), 60_000), undefined, 'held');
    const b = claimAlerts(structuredClone(a), 'b', at(61_000), 60_000)!;
    assert.deepEqual(b.alertOutbox!.claim, { owner: 'b', fence: 2, until: at(121_000).toISOString() });
    assert.equal(headFor(b, 1), undefined);
    assert.equal(completeAlert(structuredClone(b), 1, 'raised:1', at(62_000), 60_000), undefined, 'the old holder removes nothing');
    const done = completeAlert(structuredClone(b), 2, 'raised:1', at(62_000), 60_000)!;
    assert.deepEqual(done.alertOutbox!.pending.map((p) => p.kind), ['message']);
    const empty = completeAlert(structuredClone(done), 2, 'message:2', at(63_000), 60_000)!;
    assert.equal(empty.alertOutbox!.claim, null);
    assert.equal(empty.alertDueAt, null);
  });

  test('a failure lets go of the claim until its retry time and is counted', () => {
    const f = claimAlerts(queueAlert(flag('high'), 'raised', NOW.toISOString()), 'a', NOW, 60_000)!;
    const failed = failAlert(structuredClone(f), 1, 500, NOW, at(15_000))!;
    assert.deepEqual([failed.alertFailing, failed.alertDueAt, failed.alertOutbox!.attempts, failed.alertOutbox!.failures], [true, at(15_000).toISOString(), 1, 1]);
    assert.equal(claimAlerts(structuredClone(failed), 'b', at(14_000), 60_000), undefined, 'within the back-off');
    const retried = claimAlerts(structuredClone(failed), 'b', at(15_000), 60_000)!;
    const posted = completeAlert(retried, 2, 'raised:1', at(15_500), 60_000)!;
    assert.deepEqual([posted.alertFailing, posted.alertOutbox!.attempts, posted.alertOutbox!.failures], [false, 0, 1]);
  });
});
