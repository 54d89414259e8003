import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { getTasks } from 'node-cron';
import { fixedClock } from '../../bot/clock';
import { OUTREACH_TASK } from '../../bot/outreach/feature';
import { StoreRunCoordinator } from '../../bot/outreach/runCoordinator';
import { BotHarness } from '../helpers/botHarness';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';
import { DATABASES, enroll, OutreachWorld } from './outreachHarness';

for (const factory of STORE_FACTORIES) {
  describe(`StoreRunCoordinator on ${factory.name}`, () => {
    let h: StoreHandle;
    afterEach(() => h.cleanup());

    test('of several instances asking for one cron slot, exactly one runs it', async () => {
      h = await factory.make();
      const clock = fixedClock('2026-12-01T14:00:00Z');
      const coordinators = ['a', 'b', 'c', 'd'].map((owner) => new StoreRunCoordinator(h.store, clock, owner));
      const key = `${OUTREACH_TASK}:2026-12-01T14:00:00.000Z`;
      const answers = await Promise.all(coordinators.map((c) => c.shouldRun(key, 30_000)));
      assert.equal(answers.filter(Boolean).length, 1);
      assert.equal(await coordinators[0].shouldRun(key, 30_000), false, 'and never again');
      assert.equal(await coordinators[1].shouldRun(`${OUTREACH_TASK}:2026-12-01T14:01:00.000Z`, 30_000), true, 'the next minute is a new slot');
    });

    test('the winner of a slot removes the same slot of a day before', async () => {
      h = await factory.make();
      const coordinator = new StoreRunCoordinator(h.store, fixedClock('2026-12-01T14:00:00Z'), 'a');
      await coordinator.shouldRun(`${OUTREACH_TASK}:2026-11-30T14:00:00.000Z`, 30_000);
      await coordinator.shouldRun(`${OUTREACH_TASK}:2026-11-30T14:01:00.000Z`, 30_000);
      assert.equal(await h.store.count('outreachRuns', {}), 2);
      await coordinator.shouldRun(`${OUTREACH_TASK}:2026-12-01T14:00:00.000Z`, 30_000);
      assert.equal(await h.store.count('outreachRuns', {}), 2, 'one added, the day-old one removed');
    });
  });
}

describe('the outreach feature', () => {
  let w: OutreachWorld;
  afterEach(() => w.close());

  test('start() schedules one distributed node-cron task per process; stop() removes it', async () => {
    w = await OutreachWorld.create(DATABASES[0]);
    const a = await w.instance();
    const before = [...getTasks().values()].filter((t) => t.name === OUTREACH_TASK).length;
    await a.outreach.start!();
    const mine = [...getTasks().values()].filter((t) => t.name === OUTREACH_TASK);
    assert.equal(mine.length, before + 1);
    assert.equal(mine.at(-1)!.getPattern(), '* * * * *');
    assert.equal(((await a.outreach.readiness!()) as { outreach: { scheduled: boolean } }).outreach.scheduled, true);
    await a.outreach.stop!();
    assert.equal([...getTasks().values()].filter((t) => t.name === OUTREACH_TASK).length, before);
    assert.equal(((await a.outreach.readiness!()) as { outreach: { scheduled: boolean } }).outreach.scheduled, false);
  });

  test('stop() lets a running tick finish and starts no new entries', async () => {
    w = await OutreachWorld.create(DATABASES[0]);
    const a = await w.instance();
    for (let i = 0; i < 5; i++) await enroll(a, w.connector.url);
    const running = a.outreach.tick(new Date('2026-12-01T14:00:00Z'));
    await a.outreach.stop!();
    const report = await running;
    assert.ok(report.sent <= 5);
    assert.equal(w.connector.received.length, report.sent, 'every started send finished and was counted');
  });
});

test('the app wires outreach in: /readyz carries its facts', async () => {
  const h = await BotHarness.start();
  try {
    assert.ok(h.app.features.includes(h.app.outreach), 'bot/app.ts builds the outreach feature and runs it as a feature');
    await h.app.outreach.tick(new Date('2026-12-01T14:00:00Z'));
    const res = await fetch(`${h.baseUrl}/readyz`);
    const body = (await res.json()) as { outreach?: { lastTick: { due: number; sent: number } | null; totals: { ticks: number } } };
    assert.equal(body.outreach?.totals.ticks, 1);
    assert.equal(body.outreach?.lastTick?.sent, 0);
  } finally {
    await h.stop();
  }
});
