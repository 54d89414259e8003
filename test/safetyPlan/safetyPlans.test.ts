import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../bot/clock';
import { PlanSuggestion, SafetyPlanError } from '../../bot/safetyPlan/records';
import { SafetyPlans } from '../../bot/safetyPlan/safetyPlans';
import { contactFromText, planSectionsSchema } from '../../bot/safetyPlan/sections';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';

const P = 'participant-1';
const PLAN = {
  warningSigns: ['I stop answering my phone'],
  copingStrategies: ['Walk around the block'],
  helpers: [{ name: 'Rosa (sister)', phone: '(555) 010-0123' }],
  professionals: [{ name: '988 Lifeline', phone: '988' }],
  reasonsForLiving: ['My kids'],
};

const rejects = (reason: SafetyPlanError['reason']) => (err: unknown) => err instanceof SafetyPlanError && err.reason === reason;

for (const factory of STORE_FACTORIES) {
  describe(`safety plans (${factory.name})`, () => {
    let h: StoreHandle;
    let plans: SafetyPlans;
    const clock = fixedClock('2025-03-04T15:00:00Z');

    beforeEach(async () => {
      h = await factory.make();
      plans = new SafetyPlans(h.store, clock);
    });
    afterEach(() => h.cleanup());

    /** Plans on a store whose every replace fails: the process dies after writing a version, before marking the suggestion. */
    const plansDyingBeforeReplace = () =>
      new SafetyPlans(
        new Proxy(h.store, {
          get: (target, prop, receiver) => (prop === 'replace' ? () => Promise.reject(new Error('process killed')) : Reflect.get(target, prop, receiver)),
        }),
        clock,
      );

    it('keeps every edit as a version with who, when and what changed', async () => {
      assert.equal(await plans.current(P), undefined);
      const first = await plans.save(P, PLAN, null, 'clin@example.org');
      assert.equal(first.plan.version, 1);
      assert.deepEqual(first.changed, ['warningSigns', 'copingStrategies', 'helpers', 'professionals', 'reasonsForLiving']);
      assert.deepEqual(first.plan.sections.distractions, [], 'missing parts are empty');

      clock.advance(60_000);
      const second = await plans.save(P, { ...PLAN, environment: ['Give the pills to Rosa'] }, first.plan._etag, 'other@example.org');
      assert.equal(second.plan.version, 2);
      assert.deepEqual(second.changed, ['environment']);
      assert.equal(second.plan.editedBy, 'other@example.org');
      assert.equal(second.plan.editedAt, '2025-03-04T15:01:00.000Z');

      const current = await plans.current(P);
      assert.equal(current?.version, 2);
      assert.deepEqual(current?.sections.environment, ['Give the pills to Rosa']);
      assert.deepEqual((await plans.versions(P)).map((v) => v.version), [2, 1]);
      assert.deepEqual((await plans.version(P, 1))?.sections.environment, [], 'the old version is kept as it was');
    });

    it('refuses a save over a version that is no longer the newest, and changes nothing', async () => {
      const first = await plans.save(P, PLAN, null, 'a@example.org');
      await plans.save(P, { ...PLAN, warningSigns: ['Not sleeping'] }, first.plan._etag, 'a@example.org');
      await assert.rejects(plans.save(P, { ...PLAN, warningSigns: ['Lost'] }, first.plan._etag, 'b@example.org'), rejects('stale'));
      await assert.rejects(plans.save(P, PLAN, null, 'b@example.org'), rejects('stale'), 'a "first plan" over an existing one');
      assert.deepEqual((await plans.current(P))?.sections.warningSigns, ['Not sleeping']);
      assert.equal((await plans.versions(P)).length, 2);
    });

    it('lets only one of two saves on the same version win', async () => {
      const first = await plans.save(P, PLAN, null, 'a@example.org');
      const results = await Promise.allSettled([
        plans.save(P, { ...PLAN, warningSigns: ['A'] }, first.plan._etag, 'a@example.org'),
        plans.save(P, { ...PLAN, warningSigns: ['B'] }, first.plan._etag, 'b@example.org'),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.ok(rejects('stale')(loser.reason));
      assert.equal((await plans.versions(P)).length, 2);
    });

    it('writes no version when nothing changed', async () => {
      const first = await plans.save(P, PLAN, null, 'a@example.org');
      const again = await plans.save(P, PLAN, first.plan._etag, 'a@example.org');
      assert.deepEqual(again.changed, []);
      assert.equal(again.plan.version, 1);
    });

    it('rejects bad plans with a clear reason and stores nothing', async () => {
      const bad: Array<[unknown, RegExp]> = [
        [{ ...PLAN, warningSigns: ['x'.repeat(201)] }, /warningSigns\.0: an item has at most 200/],
        [{ ...PLAN, helpers: [{ name: 'Rosa', phone: 'call her' }] }, /helpers\.0\.phone/],
        [{ ...PLAN, helpers: [{ name: '', phone: '555 0100' }] }, /helpers\.0\.name/],
        [{ ...PLAN, reasonsForLiving: Array.from({ length: 13 }, (_, i) => `r${i}`) }, /at most 12/],
        [{ ...PLAN, unknownPart: ['x'] }, /Unrecognized key/],
        ['not a plan', /plan/],
      ];
      for (const [input, message] of bad) {
        await assert.rejects(plans.save(P, input, null, 'a@example.org'), (err: unknown) => rejects('invalid')(err) && message.test((err as Error).message));
      }
      assert.equal(await plans.current(P), undefined);
    });

    it('stores a participant suggestion once per message, and accepting it makes a new version', async () => {
      const first = await plans.save(P, PLAN, null, 'a@example.org');
      const s = await plans.suggest(P, { section: 'distractions', text: '  Go to the park  ', channel: 'sms', dedupeKey: 'act-1' });
      const again = await plans.suggest(P, { section: 'distractions', text: 'Go to the park', channel: 'sms', dedupeKey: 'act-1' });
      assert.equal(again.id, s.id, 'a re-run turn finds its suggestion');
      assert.equal(s.text, 'Go to the park');
      assert.deepEqual((await plans.openSuggestions(P)).map((x) => x.id), [s.id]);
      assert.equal((await plans.current(P))?.version, 1, 'a suggestion is not in the plan');

      const { plan, suggestion } = await plans.accept(P, s.id, first.plan._etag, 'a@example.org', 'Go to the park with Rosa');
      assert.equal(plan.version, 2);
      assert.deepEqual(plan.sections.distractions, ['Go to the park with Rosa']);
      assert.deepEqual(plan.changed, ['distractions']);
      assert.equal(plan.suggestionId, s.id);
      assert.equal(suggestion.status, 'accepted');
      assert.equal(suggestion.version, 2);
      assert.deepEqual(await plans.openSuggestions(P), []);
      await assert.rejects(plans.accept(P, s.id, plan._etag, 'a@example.org'), rejects('stale'), 'accepted once only');
    });

    it('an accept cut short after the new version was written is completed, not applied twice', async () => {
      const first = await plans.save(P, PLAN, null, 'a@example.org');
      const s = await plans.suggest(P, { section: 'distractions', text: 'Call Rosa', channel: 'sms', dedupeKey: 'crash-1' });
      const crashing = plansDyingBeforeReplace();
      await assert.rejects(crashing.accept(P, s.id, first.plan._etag, 'clin@example.org'), /process killed/);
      assert.equal((await plans.current(P))?.version, 2, 'the version was written');

      assert.deepEqual(await plans.openSuggestions(P), [], 'the listing completes it instead of offering it again');
      const decided = await h.store.get<PlanSuggestion>('safetyPlans', P, s.id);
      assert.equal(decided?.status, 'accepted');
      assert.equal(decided?.version, 2);
      assert.equal(decided?.decidedBy, 'clin@example.org');
      await assert.rejects(plans.accept(P, s.id, (await plans.current(P))!._etag, 'b@example.org'), rejects('stale'));
      assert.equal((await plans.current(P))?.version, 2, 'still once in the plan');
    });

    it('a retried accept after the cut finishes the first one and adds nothing', async () => {
      const first = await plans.save(P, PLAN, null, 'a@example.org');
      const s = await plans.suggest(P, { section: 'distractions', text: 'Call Rosa', channel: 'sms', dedupeKey: 'crash-2' });
      const crashing = plansDyingBeforeReplace();
      await assert.rejects(crashing.accept(P, s.id, first.plan._etag, 'clin@example.org'), /process killed/);
      const retried = await plans.accept(P, s.id, first.plan._etag, 'clin@example.org');
      assert.equal(retried.plan.version, 2);
      assert.deepEqual(retried.plan.sections.distractions, ['Call Rosa'], 'once, not twice');
      assert.equal(retried.suggestion.status, 'accepted');
      await assert.rejects(plans.dismiss(P, s.id, 'b@example.org'), rejects('stale'));
    });

    it('accepts a contact suggestion only as a name and a phone; dismissing leaves the plan as it was', async () => {
      const s = await plans.suggest(P, { section: 'helpers', text: 'my cousin Luis 555 010 0199', channel: 'msteams', dedupeKey: 'a2' });
      await assert.rejects(plans.accept(P, s.id, null, 'a@example.org'), rejects('invalid'));
      const { plan } = await plans.accept(P, s.id, null, 'a@example.org', { name: 'Luis (cousin)', phone: '555 010 0199' });
      assert.equal(plan.version, 1, 'a first plan can start from a suggestion');
      assert.deepEqual(plan.sections.helpers, [{ name: 'Luis (cousin)', phone: '555 010 0199' }]);

      const d = await plans.suggest(P, { section: 'warningSigns', text: 'drinking alone', channel: 'sms', dedupeKey: 'a3' });
      const dismissed = await plans.dismiss(P, d.id, 'a@example.org');
      assert.equal(dismissed.status, 'dismissed');
      assert.equal((await plans.current(P))?.version, 1);
      await assert.rejects(plans.dismiss(P, 'suggestion:nope', 'a@example.org'), rejects('not_found'));
    });
  });
}

describe('safety plan fields', () => {
  it('takes phones the way clinics write them', () => {
    for (const phone of ['988', '(555) 010-0123', '+1 555 010 0123', '555.010.0123 ext 12', '911']) {
      assert.ok(planSectionsSchema.safeParse({ professionals: [{ name: 'x', phone }] }).success, phone);
    }
    for (const phone of ['12', 'call me', '555-CALL', '']) {
      assert.ok(!planSectionsSchema.safeParse({ professionals: [{ name: 'x', phone }] }).success, phone);
    }
  });

  it('drafts a contact from what the participant typed', () => {
    assert.deepEqual(contactFromText('my sister Rosa 555 010 0123'), { name: 'my sister Rosa', phone: '555 010 0123' });
    assert.deepEqual(contactFromText('Luis: (555) 010-0199, evenings'), { name: 'Luis evenings', phone: '(555) 010-0199' });
    assert.deepEqual(contactFromText('mi tía Carmen'), { name: 'mi tía Carmen', phone: '' });
  });
});
