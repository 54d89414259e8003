import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../bot/clock';
import { Participants } from '../../bot/domain/participants';
import { SqliteStore } from '../../bot/store/sqlite/sqliteStore';
import { COLLECTIONS } from '../../bot/store/collections';

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'puente-participants-'));
  const store = new SqliteStore(join(dir, 'p.db'), COLLECTIONS);
  await store.init();
  const clock = fixedClock('2026-12-01T12:00:00Z');
  const participants = new Participants(store, clock);
  const p = await participants.add({
    displayName: 'Ana R', language: 'es', timeZone: 'America/Chicago', track: 'evening', checkinTime: '19:00', screenWeekday: 1,
    reminders: { enabled: true, leadMinutes: 60 },
  });
  return { participants, clock, p, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

test('enrollment codes are 6-10 upper-case letters and digits, work once, and expire', async () => {
  const { participants, clock, p, cleanup } = await setup();
  try {
    const code = await participants.issueEnrollmentCode(p.id, 7);
    assert.match(code, /^[A-Z0-9]{6,10}$/);
    const [a, b] = await Promise.all([participants.redeemEnrollmentCode(code), participants.redeemEnrollmentCode(code.toLowerCase())]);
    assert.equal([a, b].filter(Boolean).length, 1, 'two simultaneous redemptions: exactly one wins');
    assert.equal(await participants.redeemEnrollmentCode(code), undefined);

    const late = await participants.issueEnrollmentCode(p.id, 7);
    clock.advance(7 * 86_400_000);
    assert.equal(await participants.redeemEnrollmentCode(late), undefined);
    assert.equal(await participants.redeemEnrollmentCode('NOPE!!'), undefined);
  } finally {
    await cleanup();
  }
});

test('concurrent updates of one participant are both applied (eTag retry), never overwritten', async () => {
  const { participants, p, cleanup } = await setup();
  try {
    await Promise.all([
      participants.update(p.id, (x) => { x.checkinTime = '18:00'; }),
      participants.update(p.id, (x) => { x.language = 'en'; }),
    ]);
    const saved = await participants.get(p.id);
    assert.equal(saved!.checkinTime, '18:00');
    assert.equal(saved!.language, 'en');
  } finally {
    await cleanup();
  }
});

test('linking records the address and finds the participant by channel user', async () => {
  const { participants, p, cleanup } = await setup();
  try {
    await participants.link(p.id, { channelId: 'msteams', serviceUrl: 'https://smba.example/', conversationId: 'a:1'.repeat(200), userId: '29:abc', botId: '28:bot' });
    const found = await participants.findByChannelUser('msteams', '29:abc');
    assert.equal(found!.id, p.id);
    assert.equal(found!.addresses.msteams.reachable, true);
    assert.equal(await participants.findByChannelUser('sms', '29:abc'), undefined);
  } finally {
    await cleanup();
  }
});
