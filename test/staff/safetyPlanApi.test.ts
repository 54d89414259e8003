import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { replyText } from '../helpers/botHarness';
import { STORE_FACTORIES, StoreHandle } from '../helpers/stores';
import { StaffClient, StaffHarness } from './staffHarness';

const PLAN = {
  warningSigns: ['Dejo de contestar el teléfono'],
  professionals: [{ name: 'Clínica', phone: '555 010 0100' }, { name: '988', phone: '988' }],
  reasonsForLiving: ['Mis hijos'],
};

for (const factory of STORE_FACTORIES) {
  describe(`staff API: safety plan (${factory.name})`, () => {
    let store: StoreHandle;
    let s: StaffHarness;
    let clin: StaffClient;
    let pid: string;
    let api: string;
    const user = { id: '+15550100199', channelId: 'sms' };

    before(async () => {
      store = await factory.make();
      s = await StaffHarness.start({}, store.store);
      await s.account('clin@clinic.org', 'clinician');
      const p = await s.participant('Ana María Ruiz');
      pid = p.id;
      api = `/api/staff/participants/${encodeURIComponent(pid)}/safety-plan`;
      await s.services.participants.link(pid, { channelId: 'sms', serviceUrl: s.h.connector.url, conversationId: `conv-${user.id}`, userId: user.id, botId: 'puente-bot' });
      await s.services.participants.update(pid, (x) => {
        x.consent = { given: true, at: s.clock().toISOString(), channel: 'sms' };
      });
      clin = await StaffClient.signedIn(s.base, 'clin@clinic.org');
    });
    after(async () => {
      await s?.stop();
      await store?.cleanup();
    });

    const auditOf = async (action: string) => (await s.staff.core.audit.page({ from: new Date('2025-01-01'), to: new Date('2026-01-01'), action: action as never }, 100)).items;

    it('creates the plan, edits it as a new version, and audits every view and edit without the text', async () => {
      const empty = await clin.json('GET', api);
      assert.deepEqual(empty, { plan: null, etag: null, versions: [], suggestions: [] });

      const first = await clin.json('PUT', api, { etag: null, sections: PLAN });
      assert.equal(first.plan.version, 1);
      assert.equal(first.plan.editedBy, 'clin@clinic.org');
      s.clock.advance(60_000);
      const second = await clin.json('PUT', api, { etag: first.etag, sections: { ...PLAN, environment: ['Le doy las pastillas a mi hermana'] } });
      assert.deepEqual(second.changed, ['environment']);

      const read = await clin.json('GET', api);
      assert.equal(read.plan.version, 2);
      assert.equal(read.etag, second.etag);
      assert.deepEqual(read.versions.map((v: { version: number; changed: string[] }) => [v.version, v.changed.join(' ')]), [
        [2, 'environment'],
        [1, 'warningSigns professionals reasonsForLiving'],
      ]);
      const v1 = await clin.json('GET', `${api}/versions/1`);
      assert.deepEqual(v1.sections.environment, []);

      const saves = await auditOf('safetyplan.save');
      assert.equal(saves.length, 2);
      assert.deepEqual(saves[0].detail, { version: 2, changed: 'environment' });
      assert.equal(saves[0].actor, 'clin@clinic.org');
      assert.equal(saves[0].participantId, pid);
      const views = await auditOf('safetyplan.view');
      assert.equal(views.length, 3, 'the two reads and the old version');
      const everything = JSON.stringify(await auditOf('safetyplan.save')) + JSON.stringify(views);
      assert.ok(!everything.includes('pastillas') && !everything.includes('hijos'), 'no plan text in the audit');
    });

    it('refuses bad writes with a clear 4xx and changes nothing', async () => {
      const { etag } = await clin.json('GET', api);
      const cases: Array<[string, string, unknown, number, string, { csrf?: boolean }?]> = [
        ['PUT', api, { etag: 'W/"old"', sections: PLAN }, 412, 'stale'],
        ['PUT', api, { etag: null, sections: PLAN }, 412, 'stale'],
        ['PUT', api, { etag, sections: { ...PLAN, helpers: [{ name: 'Rosa', phone: 'llamar' }] } }, 400, 'invalid'],
        ['PUT', api, { etag, sections: { ...PLAN, extra: [] } }, 400, 'invalid'],
        ['PUT', api, { sections: PLAN }, 400, 'invalid'],
        ['PUT', api, { etag, sections: PLAN }, 403, 'csrf', { csrf: false }],
        ['PUT', '/api/staff/participants/nobody/safety-plan', { etag: null, sections: PLAN }, 404, 'not_found'],
        ['GET', `${api}/versions/99`, undefined, 404, 'not_found'],
        ['GET', `${api}/versions/abc`, undefined, 404, 'not_found'],
        ['POST', `${api}/suggestions/suggestion:none/accept`, { etag }, 404, 'not_found'],
        ['POST', `${api}/suggestions/suggestion:none/dismiss`, {}, 404, 'not_found'],
      ];
      for (const [method, path, body, status, error, options] of cases) {
        const res = await clin.call(method, path, body, options);
        assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body)}`);
        const json = (await res.json()) as { error: string; message?: string };
        assert.equal(json.error, error);
        assert.ok(!/\n\s+at |Error|\.ts\b/.test(json.message ?? ''), `no internal error text: ${json.message}`);
      }
      const anonymous = await new StaffClient(s.base).call('GET', api);
      assert.equal(anonymous.status, 401);
      const after = await clin.json('GET', api);
      assert.equal(after.etag, etag);
      assert.equal(after.versions.length, 2);
    });

    it('shows a suggestion the participant made on SMS; accepting it (edited) makes a new version, dismissing leaves the plan', async () => {
      await s.h.say(user, 'agregar a mi plan');
      await s.h.say(user, '4');
      const thanks = await s.h.say(user, 'mi prima Luisa 555 010 0177');
      assert.equal(replyText(thanks[0]), s.services.i18n.getFixedT('es')('safetyplan:add.thanks'));
      s.clock.advance(60_000);
      await s.h.say(user, 'agregar a mi plan');
      await s.h.say(user, '1');
      await s.h.say(user, 'cuando no salgo de la cama');

      const read = await clin.json('GET', api);
      assert.deepEqual(
        read.suggestions.map((x: { section: string; text: string; channel: string }) => [x.section, x.text, x.channel]),
        [
          ['helpers', 'mi prima Luisa 555 010 0177', 'sms'],
          ['warningSigns', 'cuando no salgo de la cama', 'sms'],
        ],
      );
      assert.deepEqual(read.suggestions[0].draft, { name: 'mi prima Luisa', phone: '555 010 0177' });
      assert.equal(read.plan.version, 2, 'suggestions are not in the plan');

      const [helper, sign] = read.suggestions;
      const bad = await clin.call('POST', `${api}/suggestions/${encodeURIComponent(helper.id)}/accept`, { etag: read.etag });
      assert.equal(bad.status, 400, 'a contact needs a name and a phone');
      const accepted = await clin.json('POST', `${api}/suggestions/${encodeURIComponent(helper.id)}/accept`, {
        etag: read.etag,
        item: { name: 'Luisa (prima)', phone: '555 010 0177' },
      });
      assert.equal(accepted.plan.version, 3);
      assert.deepEqual(accepted.plan.sections.helpers, [{ name: 'Luisa (prima)', phone: '555 010 0177' }]);
      const dismissed = await clin.json('POST', `${api}/suggestions/${encodeURIComponent(sign.id)}/dismiss`, {});
      assert.equal(dismissed.status, 'dismissed');

      const now = await clin.json('GET', api);
      assert.deepEqual(now.suggestions, []);
      assert.equal(now.plan.version, 3);
      assert.deepEqual(now.plan.sections.warningSigns, PLAN.warningSigns);
      const [acceptEvent] = await auditOf('safetyplan.accept');
      assert.deepEqual(acceptEvent.detail, { version: 3, section: 'helpers', suggestion: helper.id, edited: true });
      assert.equal((await auditOf('safetyplan.dismiss')).length, 1);

      // The participant sees the accepted entry in their plan.
      const shown = (await s.h.say(user, 'mi plan')).map(replyText).join('\n');
      assert.ok(shown.includes('Luisa (prima): 555 010 0177'), shown);
    });
  });
}
