import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createApp } from '../../bot/app';
import { fixedClock } from '../../bot/clock';
import { loadConfig } from '../../bot/config';
import { FlagEvents } from '../../bot/flags/events';
import { checkinFlagId, crisisFlagId, Flag, unknownParticipantId } from '../../bot/flags/flag';
import { FlagRepository } from '../../bot/flags/repository';
import { FlagReview } from '../../bot/flags/review';
import { FlagService } from '../../bot/flags/service';
import { Participants } from '../../bot/domain/participants';
import { silentLogger } from '../../bot/log';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

for (const factory of STORE_FACTORIES) {
  describe(`FlagService on ${factory.name}`, () => {
    let h: StoreHandle;
    let flags: FlagService;
    let participants: Participants;
    let heard: Flag[];
    const clock = fixedClock('2025-03-03T15:00:00Z');

    beforeEach(async () => {
      h = await factory.make();
      heard = [];
      const events = new FlagEvents(silentLogger());
      events.on('raised', async (flag) => {
        heard.push(flag);
      });
      participants = new Participants(h.store, clock);
      flags = new FlagService(new FlagRepository(h.store), clock, events, participants);
    });
    afterEach(() => h.cleanup());

    async function participant() {
      return participants.add({
        displayName: 'Ana',
        language: 'es',
        timeZone: 'America/Chicago',
        track: 'morning',
        checkinTime: '18:00',
        screenWeekday: 1,
        reminders: { enabled: true, leadMinutes: 60 },
      });
    }

    it('a safety episode: each message joins the flag once, with its time, new kinds of danger and a reopening; staff hear of each', async () => {
      const p = await participant();
      const clock = fixedClock('2025-03-03T15:00:00Z');
      const messages: Flag[] = [];
      const events = new FlagEvents(silentLogger());
      events.on('message', async (flag) => void messages.push(flag));
      const service = new FlagService(new FlagRepository(h.store), clock, events, participants);
      const crisis = { code: 'crisis_language', severity: 'urgent' as const, detail: { kind: 'suicide', rule: 'x' } };
      const flag = await service.raise({ id: 'crisis:1', participantId: p.id, source: 'crisis', reasons: [crisis], message: 'first', messageId: 'a1' });
      assert.deepEqual(flag.messages, [{ at: clock().toISOString(), text: 'first', id: 'a1' }]);

      clock.advance(60_000);
      await service.addMessage(p.id, flag.id, { at: clock().toISOString(), text: 'second', id: 'a2' }, [crisis]);
      await service.addMessage(p.id, flag.id, { at: clock().toISOString(), text: 'second', id: 'a2' }, [crisis]);
      const kind = { ...crisis, detail: { kind: 'overdose', rule: 'y' } };
      await new FlagReview(new FlagRepository(h.store), clock).resolve(p.id, flag.id, 'nurse@clinic.org', 'contacted');
      const third = await service.addMessage(p.id, flag.id, { at: clock().toISOString(), text: 'third', id: 'a3' }, [kind]);

      assert.deepEqual(third?.messages?.map((m) => m.text), ['first', 'second', 'third']);
      assert.equal(third?.messages?.[1].at, '2025-03-03T15:01:00.000Z');
      assert.deepEqual(third?.reasons.map((r) => r.detail?.kind), ['suicide', 'overdose']);
      assert.equal(third?.status, 'open', 'a resolved flag that hears from the person opens again');
      assert.equal(third?.message, 'first');
      assert.deepEqual(messages.map((f) => f.messages?.length), [2, 3], 'a re-run turn tells nobody twice');
      assert.equal(await service.addMessage(p.id, 'crisis:none', { at: clock().toISOString(), text: 'x' }), undefined);
    });

    it('stores one open flag at the highest severity with every reason, the track, and notifies once', async () => {
      const p = await participant();
      const flag = await flags.raise({
        id: checkinFlagId(`${p.id}:2025-03-03`),
        participantId: p.id,
        checkinId: `${p.id}:2025-03-03`,
        source: 'checkin',
        reasons: [
          { code: 'sleep_low', severity: 'moderate', detail: { sleepHours: 3 } },
          { code: 'craving_high', severity: 'high', detail: { craving: 9, threshold: 8 } },
        ],
      });
      assert.equal(flag.severity, 'high');
      assert.equal(flag.severityRank, 3);
      assert.equal(flag.status, 'open');
      assert.equal(flag.track, 'morning');
      assert.equal(flag.createdAt, '2025-03-03T15:00:00.000Z');
      assert.deepEqual(flag.reasons.map((r) => r.code), ['sleep_low', 'craving_high']);
      assert.deepEqual(heard.map((f) => f.id), [flag.id]);
      const stored = await flags.get(p.id, flag.id);
      assert.equal(stored?.checkinId, `${p.id}:2025-03-03`);
    });

    it('raising the same id again adds nothing and notifies nobody (a re-run turn)', async () => {
      const p = await participant();
      const input = { id: 'checkin:x', participantId: p.id, source: 'checkin' as const, reasons: [{ code: 'mood_low', severity: 'high' as const }] };
      await flags.raise(input);
      await flags.raise(input);
      assert.equal((await flags.listForParticipant(p.id)).length, 1);
      assert.equal(heard.length, 1);
    });

    it('merges new reasons into the same flag; notifies again only when the severity rises', async () => {
      const p = await participant();
      await flags.raise({ id: 'checkin:y', participantId: p.id, source: 'checkin', reasons: [{ code: 'craving_high', severity: 'high' }] });
      const same = await flags.raise({ id: 'checkin:y', participantId: p.id, source: 'checkin', reasons: [{ code: 'sleep_low', severity: 'moderate' }] });
      assert.equal(same.severity, 'high');
      assert.equal(heard.length, 1);
      const worse = await flags.raise({ id: 'checkin:y', participantId: p.id, source: 'checkin', reasons: [{ code: 'safety_yes', severity: 'urgent' }] });
      assert.equal(worse.severity, 'urgent');
      assert.equal(worse.severityRank, 4);
      assert.deepEqual(worse.reasons.map((r) => r.code), ['craving_high', 'sleep_low', 'safety_yes']);
      assert.equal(heard.length, 2);
      assert.equal((await flags.listForParticipant(p.id)).length, 1);
    });

    it('reopens a resolved flag that gains a reason, and tells the care team', async () => {
      const p = await participant();
      const first = await flags.raise({ id: 'checkin:z', participantId: p.id, source: 'checkin', reasons: [{ code: 'mood_low', severity: 'high' }] });
      const { _etag, ...doc } = first;
      await h.store.replace('flags', { ...doc, status: 'resolved', resolvedAt: clock().toISOString(), resolvedBy: 'staff-1', outcome: 'contacted' }, _etag);
      const reopened = await flags.raise({ id: 'checkin:z', participantId: p.id, source: 'checkin', reasons: [{ code: 'use_reported', severity: 'high' }] });
      assert.equal(reopened.status, 'open');
      assert.equal(reopened.resolvedAt, null);
      assert.equal(reopened.outcome, null);
      assert.equal(heard.length, 2);
    });

    it('flags a stranger under unknown:<hash>, with where to reach them, and no track', async () => {
      const participantId = unknownParticipantId('sms', '+15550100');
      assert.match(participantId, /^unknown:[0-9a-f]{64}$/);
      assert.ok(!participantId.includes('5550100'));
      const flag = await flags.raise({
        id: crisisFlagId('sms', 'conv-1', 'act-1'),
        participantId,
        source: 'crisis',
        reasons: [{ code: 'crisis_language', severity: 'urgent' }],
        message: 'text',
        sender: { channelId: 'sms', userId: '+15550100', conversationId: 'conv-1', serviceUrl: 'http://x' },
      });
      assert.equal(flag.track, null);
      assert.equal(flag.sender?.userId, '+15550100');
      assert.equal((await flags.listForParticipant(participantId)).length, 1);
    });

    it('lists one participant\'s flags, newest first', async () => {
      const a = await participant();
      const b = await participant();
      await flags.raise({ id: 'f1', participantId: a.id, source: 'checkin', reasons: [{ code: 'mood_low', severity: 'high' }] });
      clock.advance(60_000);
      await flags.raise({ id: 'f2', participantId: a.id, source: 'crisis', reasons: [{ code: 'crisis_language', severity: 'urgent' }] });
      await flags.raise({ id: 'f3', participantId: b.id, source: 'checkin', reasons: [{ code: 'mood_low', severity: 'high' }] });
      assert.deepEqual((await flags.listForParticipant(a.id)).map((f) => f.id), ['f2', 'f1']);
    });

    it('refuses a flag without reasons', async () => {
      await assert.rejects(flags.raise({ id: 'f', participantId: 'p', source: 'checkin', reasons: [] }));
    });
  });
}

describe('FlagEvents', () => {
  it('a failing listener neither stops the others nor the raise', async () => {
    const events = new FlagEvents(silentLogger());
    const heard: string[] = [];
    events.on('raised', async () => {
      throw new Error('Teams is down');
    });
    const stop = events.on('raised', async (f) => void heard.push(f.id));
    await events.emit('raised', { id: 'f1' } as Flag);
    stop();
    await events.emit('raised', { id: 'f2' } as Flag);
    assert.deepEqual(heard, ['f1']);
  });

  it('tells each listener only the event it subscribed to', async () => {
    const events = new FlagEvents(silentLogger());
    const heard: string[] = [];
    events.on('raised', async (f) => void heard.push(`raised ${f.id}`));
    events.on('changed', async (f) => void heard.push(`changed ${f.id}`));
    await events.emit('changed', { id: 'f1' } as Flag);
    await events.emit('raised', { id: 'f2' } as Flag);
    assert.deepEqual(heard, ['changed f1', 'raised f2']);
  });

  it('logs the flag id, never its message', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('../../bot/log');
    const log = createLogger({ destination: { write: (s: string) => void lines.push(s) } });
    await new FlagEvents(log).emit('raised', { id: 'crisis:abc', severity: 'urgent', source: 'crisis', message: 'I want to end it all' } as Flag);
    const out = lines.join('');
    assert.match(out, /crisis:abc/);
    assert.doesNotMatch(out, /end it all/);
  });
});

describe('start-up with FLAG_RULES_PATH', () => {
  it('refuses a bad rules file with a message naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puente-rules-'));
    const path = join(dir, 'rules.json');
    writeFileSync(path, JSON.stringify({ rules: [{ code: 'x', field: 'craving', op: '>=', value: 80, severity: 'high' }] }));
    const config = loadConfig({ SQLITE_PATH: join(dir, 'p.db'), LOG_LEVEL: 'silent', FLAG_RULES_PATH: path });
    await assert.rejects(createApp({ config, logger: silentLogger() }), (err: Error) => err.message.includes(path) && /craving needs a number/.test(err.message));
  });
});
