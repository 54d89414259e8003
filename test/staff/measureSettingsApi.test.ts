import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { planScreen } from '../../bot/measures/plan';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';
import { StaffClient, StaffHarness } from './staffHarness';

for (const factory of STORE_FACTORIES) {
  describe(`staff API: measure settings (${factory.name})`, () => {
    let store: StoreHandle;
    let s: StaffHarness;
    let clin: StaffClient;
    let admin: StaffClient;
    let pid: string;
    let api: string;

    before(async () => {
      store = await factory.make();
      s = await StaffHarness.start({ MEASURES_FULL_EVERY_WEEKS: '4', MEASURES_BAM_EVERY_WEEKS: '4' }, store.store);
      await s.account('clin@clinic.org', 'clinician');
      await s.account('admin@clinic.org', 'admin');
      const p = await s.participant('Ana María Ruiz');
      pid = p.id;
      api = `/api/staff/participants/${encodeURIComponent(pid)}/measure-settings`;
      clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
      admin = await StaffClient.signedIn(s.base, 'admin@clinic.org');
    });
    after(async () => {
      await s?.stop();
      await store?.cleanup();
    });

    const auditOf = async (action: string) => (await s.staff.core.audit.page({ from: new Date(0), to: new Date('2030-01-01'), action: action as never }, 100)).items;
    const record = async () => {
      const p = await s.services.participants.get(pid);
      return { substanceUse: p?.substanceUse, fullMeasures: p?.fullMeasures, fullMeasuresEveryWeeks: p?.fullMeasuresEveryWeeks, bamEveryWeeks: p?.bamEveryWeeks };
    };

    it('a clinician reads the defaults, then sets full measures every 6 weeks and the substance-use program; audited without values', async () => {
      const first = await clin.json('GET', api);
      assert.deepEqual(first, {
        substanceUse: false,
        fullMeasures: false,
        fullEveryWeeks: null,
        bamEveryWeeks: null,
        defaults: { fullEveryWeeks: 4, bamEveryWeeks: 4 },
        effective: { substanceUse: false, fullEveryWeeks: null, bamEveryWeeks: 4 },
      });

      const saved = await clin.json('PUT', api, { substanceUse: true, fullEvery: 6, bamEvery: 'default' });
      assert.deepEqual(saved.effective, { substanceUse: true, fullEveryWeeks: 6, bamEveryWeeks: 4 });
      assert.deepEqual(saved.changed, ['substanceUse', 'fullMeasures', 'fullMeasuresEveryWeeks']);
      assert.deepEqual(await record(), { substanceUse: true, fullMeasures: true, fullMeasuresEveryWeeks: 6, bamEveryWeeks: null });
      // The conversation follows the stored setting: no measure yet, so the next check-in brings the baseline.
      const participant = (await s.services.participants.get(pid))!;
      assert.equal(await planScreen(s.services.measures, { ...participant, screenWeekday: 7 }, s.services.config.measures, s.clock()), 'full');

      const views = await auditOf('participant.measures_view');
      assert.equal(views.length, 1);
      assert.equal(views[0].actor, 'clin@clinic.org');
      assert.equal(views[0].participantId, pid);
      const updates = await auditOf('participant.measures_update');
      assert.equal(updates.length, 1);
      assert.deepEqual(updates[0].detail, { changed: 'substanceUse fullMeasures fullMeasuresEveryWeeks' });
    });

    it('an admin may change them too; back to the weekly screen with a BAM every 2 weeks', async () => {
      const saved = await admin.json('PUT', api, { substanceUse: true, fullEvery: 'off', bamEvery: 2 });
      assert.deepEqual(saved.effective, { substanceUse: true, fullEveryWeeks: null, bamEveryWeeks: 2 });
      assert.deepEqual(saved.changed, ['fullMeasures', 'bamEveryWeeks']);
      const again = await admin.json('PUT', api, { substanceUse: true, fullEvery: 'off', bamEvery: 2 });
      assert.deepEqual(again.changed, [], 'saving the same settings changes nothing');
      assert.ok((await auditOf('participant.measures_update')).some((e) => e.actor === 'admin@clinic.org'));
    });

    it('refuses bad input with a clear 4xx and changes nothing', async () => {
      const before = await record();
      const good = { substanceUse: false, fullEvery: 4, bamEvery: 'default' };
      const cases: Array<[string, unknown, number, string, RegExp | null, { csrf?: boolean }?]> = [
        [api, { ...good, fullEvery: 0 }, 400, 'invalid', /^fullEvery: .*whole number of weeks from 1 to 52/],
        [api, { ...good, fullEvery: 53 }, 400, 'invalid', /fullEvery/],
        [api, { ...good, fullEvery: 2.5 }, 400, 'invalid', /fullEvery/],
        [api, { ...good, fullEvery: '4' }, 400, 'invalid', /fullEvery/],
        [api, { ...good, bamEvery: 'off' }, 400, 'invalid', /^bamEvery: "default" or a whole number of weeks from 1 to 52/],
        [api, { ...good, substanceUse: 'yes' }, 400, 'invalid', /^substanceUse: true or false/],
        [api, { substanceUse: true, fullEvery: 4 }, 400, 'invalid', /bamEvery/],
        [api, { ...good, screenWeekday: 3 }, 400, 'invalid', /screenWeekday/],
        [api, 'nonsense', 400, 'invalid', null],
        [api, good, 403, 'csrf', null, { csrf: false }],
        ['/api/staff/participants/nobody/measure-settings', good, 404, 'not_found', null],
      ];
      for (const [path, body, status, error, message, options] of cases) {
        const res = await clin.call('PUT', path, body, options);
        assert.equal(res.status, status, `PUT ${path} ${JSON.stringify(body)}`);
        const json = (await res.json()) as { error: string; message?: string };
        assert.equal(json.error, error);
        if (message) assert.match(json.message ?? '', message);
        assert.ok(!/\n\s+at |Error|\.ts\b/.test(json.message ?? ''), `no internal error text: ${json.message}`);
      }
      assert.equal((await new StaffClient(s.base).call('GET', api)).status, 401);
      assert.equal((await clin.call('GET', '/api/staff/participants/nobody/measure-settings')).status, 404);
      assert.deepEqual(await record(), before);
    });
  });
}
