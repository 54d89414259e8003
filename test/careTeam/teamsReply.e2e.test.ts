import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { REPLY_INPUT } from '../../bot/staff/teams/alertCard';
import { STORE_FACTORIES } from '../helpers/stores';
import { STAFF_CHANNEL } from '../staff/staffHarness';
import { CareTeamWorld, COUNSELLOR, t } from './support';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

for (const factory of STORE_FACTORIES) {
  describe(`the alert card's Reply through /api/messages on ${factory.name}`, () => {
    let w: CareTeamWorld | undefined;
    afterEach(async () => {
      await w?.stop();
      w = undefined;
    });

    /** An urgent flag's card in the staff channel, and the invoke its Reply button sends. */
    async function cardAndReply(world: CareTeamWorld, participantId: string) {
      await world.h.app.services.flags.raise({ id: 'checkin:urgent', participantId, source: 'checkin', reasons: [{ code: 'safety_yes', severity: 'urgent' }] });
      await world.teams.waitFor((received) => received.length >= 1);
      const card = world.teams.received[0].attachments.find((a: any) => a.contentType === ADAPTIVE).content;
      const input = card.body.find((b: any) => b.type === 'Input.Text');
      const reply = card.actions.find((a: any) => a.type === 'Action.Execute' && a.verb === 'reply');
      assert.ok(input && reply, 'the card has a text input and a Reply button');
      assert.equal(input.id, REPLY_INPUT);
      assert.equal(reply.fallback.type, 'Action.Submit');
      let seq = 0;
      return (from: Record<string, string>, text: string, id = `invoke-${++seq}`) =>
        world.h.post({
          type: 'invoke',
          name: 'adaptiveCard/action',
          id,
          channelId: 'msteams',
          serviceUrl: world.teams.url,
          conversation: { id: `${STAFF_CHANNEL};messageid=sent-1`, conversationType: 'channel', isGroup: true },
          from,
          recipient: { id: 'puente-bot' },
          replyToId: 'sent-1',
          // Teams merges the card's inputs into the action's data.
          value: { action: { type: 'Action.Execute', verb: 'reply', data: { ...reply.data, [REPLY_INPUT]: text } }, trigger: 'manual' },
        });
    }

    it('a mapped Teams user sends the text to the participant as their staff account, once per invoke', async () => {
      w = await CareTeamWorld.start(factory);
      const { p, user } = await w.participant('es', 'sms');
      const invoke = await cardAndReply(w, p.id);

      const { status, body } = await invoke({ id: '29:maria', aadObjectId: COUNSELLOR.aadObjectId }, '¿Puede hablar ahora?', 'invoke-a');
      assert.equal(status, 200);
      // The staff channel speaks its own language (STAFF_TEAMS_LANGUAGE, here the default: English).
      assert.deepEqual([body.statusCode, body.type, body.value], [200, 'application/vnd.microsoft.activity.message', t('en', 'staff:teams.replySent')]);
      const signed = t('es', 'careteam:message.signedSms', { text: '¿Puede hablar ahora?', name: COUNSELLOR.name });
      assert.deepEqual(w.received(user), [signed, t('es', 'careteam:handoff.started')]);
      // Teams retries an invoke it got no answer to with the same id: nothing goes out twice.
      await invoke({ id: '29:maria', aadObjectId: COUNSELLOR.aadObjectId }, '¿Puede hablar ahora?', 'invoke-a');
      assert.equal(w.received(user).length, 2);

      const thread = await w.thread(p.id);
      assert.deepEqual(thread.items.map((m: any) => [m.text, m.staffName, m.delivery]), [['¿Puede hablar ahora?', COUNSELLOR.name, 'sent']]);
      const audit = await w.h.app.staff.core.audit.page({ from: new Date('2025-01-01'), to: new Date('2026-01-01'), action: 'teams.reply' }, 10);
      assert.deepEqual(audit.items.map((e) => [e.actor, e.channel]), [[COUNSELLOR.email, 'teams']]);
    });

    it('an unmapped Teams user is told so and nothing is sent', async () => {
      w = await CareTeamWorld.start(factory);
      const { p, user } = await w.participant('en', 'msteams');
      const invoke = await cardAndReply(w, p.id);
      const { status, body } = await invoke({ id: '29:stranger', aadObjectId: 'aad-nobody' }, 'Are you ok?');
      assert.equal(status, 200);
      assert.equal(body.value, t('en', 'staff:teams.replyUnmapped'));
      assert.deepEqual(w.received(user), []);
      assert.deepEqual((await w.thread(p.id)).items, []);
      const audit = await w.h.app.staff.core.audit.page({ from: new Date('2025-01-01'), to: new Date('2026-01-01'), action: 'teams.unmapped' }, 10);
      assert.equal(audit.items.length, 1);

      // A mapped user with an empty box, or writing to someone who said STOP, is told why and nothing goes out.
      const mapped = { id: '29:maria', aadObjectId: COUNSELLOR.aadObjectId };
      assert.equal((await invoke(mapped, '   ')).body.value, t('en', 'staff:teams.replyEmpty'));
      await w.h.app.services.participants.update(p.id, (x) => {
        x.optedOutAt = w!.clock().toISOString();
      });
      assert.equal((await invoke(mapped, 'Are you ok?')).body.value, t('en', 'staff:teams.replyRefused.opted_out'));
      assert.deepEqual(w.received(user), []);
    });
  });
}
