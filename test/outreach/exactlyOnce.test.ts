import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Participant } from '../../bot/domain/participant';
import { LedgerEntry } from '../../bot/outreach/ledger';
import { OutreachScheduler } from '../../bot/outreach/scheduler';
import { Stored } from '../../bot/store/port';
import { DATABASES, enroll, Instance, OutreachWorld } from './outreachHarness';

const at = (iso: string) => new Date(iso);
const PROMPT_AT = '2026-12-01T14:00:00Z';
const LEASE_MS = 300_000; // OUTREACH_LEASE_SECONDS default

/** How many activities each participant's conversations received. */
function perParticipant(w: OutreachWorld, people: Array<Stored<Participant>>): number[] {
  return people.map((p) => w.connector.received.filter((a) => String(a.conversation?.id).endsWith(p.id)).length);
}

for (const db of DATABASES) {
  describe(`exactly once on ${db.name}`, () => {
    let w: OutreachWorld;
    let a: Instance;
    let b: Instance;
    let people: Array<Stored<Participant>>;
    beforeEach(async () => {
      w = await OutreachWorld.create(db);
      a = await w.instance('A');
      b = await w.instance('B');
      people = [];
      for (let i = 0; i < 12; i++) {
        people.push(await enroll(i % 2 ? a : b, w.connector.url, { language: i % 3 ? 'en' : 'es', channels: [i % 4 ? 'sms' : 'msteams'] }));
      }
    });
    afterEach(() => w.close());

    test('two schedulers (two store clients) ticking the same instant send each message once', async () => {
      const [ra, rb] = await Promise.all([a.outreach.tick(at(PROMPT_AT)), b.outreach.tick(at(PROMPT_AT))]);
      assert.equal(ra.sent + rb.sent, 12);
      assert.deepEqual(perParticipant(w, people), Array(12).fill(1));
      assert.equal(await a.services.store.count('outreachLedger', {}), 12);
      // Both again at the follow-up instant, and a late third pass: one follow-up each, nothing more.
      const [fa, fb] = await Promise.all([a.outreach.tick(at('2026-12-01T17:00:00Z')), b.outreach.tick(at('2026-12-01T17:00:00Z'))]);
      assert.equal(fa.sent + fb.sent, 12);
      await Promise.all([a.outreach.tick(at('2026-12-01T17:01:00Z')), b.outreach.tick(at('2026-12-01T17:01:00Z'))]);
      assert.deepEqual(perParticipant(w, people), Array(12).fill(2));
    });

    test('overlapping ticks of one scheduler (a slow tick still running at the next minute) send once', async () => {
      const ticks = await Promise.all([
        a.outreach.tick(at(PROMPT_AT)),
        a.outreach.tick(at(PROMPT_AT)),
        a.outreach.tick(at('2026-12-01T14:01:00Z')),
      ]);
      assert.equal(ticks.reduce((n, r) => n + r.sent, 0), 12);
      assert.deepEqual(perParticipant(w, people), Array(12).fill(1));
    });

    test('a claim whose holder hangs is left alone until its lease runs out, then sent once by another instance', async (t) => {
      // Each claimed message reaches the hung sender, which never answers: the 12th call is the event to wait for.
      let calls = 0;
      let allClaimed!: () => void;
      const claimed = new Promise<void>((resolve) => (allClaimed = resolve));
      const hung = new OutreachScheduler({
        ...a.services,
        quietHours: w.config.quietHours,
        outreach: w.config.outreach,
        owner: 'hung',
        sender: {
          deliver: () => {
            if (++calls === 12) allClaimed();
            return new Promise(() => undefined);
          },
        },
      });
      t.after(() => hung.stop());
      void hung.tick(at(PROMPT_AT));
      await claimed;
      assert.equal(await a.services.store.count('outreachLedger', {}), 12);
      hung.stop();

      const dry = await b.outreach.tick(at('2026-12-01T14:01:00Z'), { dryRun: true });
      assert.equal(dry.inFlight, 12, 'a dry run does not list what another instance is sending');
      assert.equal(dry.planned.length, 0);
      const early = await b.outreach.tick(at('2026-12-01T14:01:00Z'));
      assert.equal(early.inFlight, 12, 'a live claim is respected');
      const claimedNow = await a.services.store.query<LedgerEntry>('outreachLedger', { where: [{ field: 'owner', op: '=', value: 'hung' }] });
      const victims = new Set(claimedNow.items.map((e) => e.participantId));
      assert.equal(victims.size, 12);
      for (const id of victims) assert.equal(w.connector.received.filter((x) => String(x.conversation?.id).endsWith(id)).length, 0);

      const later = await b.outreach.tick(new Date(at(PROMPT_AT).getTime() + LEASE_MS + 60_000));
      assert.equal(later.sent, victims.size, 'taken over after the lease');
      assert.deepEqual(perParticipant(w, people), Array(12).fill(1));
      const ledger = await a.services.store.query<LedgerEntry>('outreachLedger', {});
      for (const entry of ledger.items.filter((e) => victims.has(e.participantId))) {
        assert.equal(entry.state, 'sent');
        assert.equal(entry.takeovers, 1);
        assert.equal(entry.owner, 'B');
      }
    });

    test('a process killed between claim and send: after restart its messages go out once', async (t) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'claimThenDie.ts'), PROMPT_AT], {
        env: { ...process.env, ...w.db.env, LOG_LEVEL: 'silent', OUTREACH_CONCURRENCY: '4' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // The fixture never ends by itself: should the test fail before the kill below, it must not outlive it.
      t.after(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('claimed')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
      });
      child.kill('SIGKILL');
      await exited;

      const doomed = await a.services.store.query<LedgerEntry>('outreachLedger', { where: [{ field: 'owner', op: '=', value: 'doomed' }] });
      assert.ok(doomed.items.length >= 1 && doomed.items.every((e) => e.state === 'claimed'), 'the dead process left claims');
      assert.equal(w.connector.received.length, 0);

      // The restarted instance: first the claims are still leased (others go out), then they are taken over.
      const restarted = await w.instance('restarted');
      const first = await restarted.outreach.tick(at('2026-12-01T14:01:00Z'));
      assert.equal(first.inFlight, doomed.items.length);
      await restarted.outreach.tick(new Date(at(PROMPT_AT).getTime() + LEASE_MS + 60_000));
      assert.deepEqual(perParticipant(w, people), Array(12).fill(1));
    });
  });
}
