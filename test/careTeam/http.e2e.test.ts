import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { contactFlagId } from '../../bot/careTeam/contactFlag';
import { Language } from '../../bot/i18n';
import { DESTINATIONS, MORE_DESTINATIONS } from '../../dialogs/mainIntents';
import { STORE_FACTORIES } from '../helpers/stores';
import { CareTeamWorld, COUNSELLOR, t } from './support';

const SIGNED_KEY = { sms: 'careteam:message.signedSms', msteams: 'careteam:message.signed' } as const;
const CASES: Array<{ language: Language; channel: 'sms' | 'msteams'; text: string; reply: string }> = [
  { language: 'en', channel: 'sms', text: 'Hi Rosa, I saw your check-in. How are you feeling now?', reply: 'a bit better, thanks' },
  { language: 'es', channel: 'msteams', text: 'Hola Rosa, vi su registro. ¿Cómo se siente ahora?', reply: 'un poco mejor, gracias' },
];
const CRISIS: Record<Language, string> = { en: 'I want to kill myself', es: 'me quiero matar' };

for (const factory of STORE_FACTORIES) {
  describe(`a counsellor writing to a participant over HTTP on ${factory.name}`, () => {
    let w: CareTeamWorld | undefined;
    afterEach(async () => {
      await w?.stop();
      w = undefined;
    });

    for (const c of CASES) {
      it(`${c.language} on ${c.channel}: the signed message goes out once, the reply lands on the thread, the bot keeps quiet, MENU brings it back`, async () => {
        w = await CareTeamWorld.start(factory);
        const { p, user } = await w.participant(c.language, c.channel);

        const res = await w.write(p.id, c.text, 'compose-1');
        assert.equal(res.status, 201);
        const { message, repeated } = (await res.json()) as any;
        assert.equal(repeated, false);
        assert.equal(message.delivery, 'sent');
        assert.equal(message.direction, 'toParticipant');
        assert.equal(message.staffName, COUNSELLOR.name);
        assert.equal(message.channelId, c.channel);
        const signed = t(c.language, SIGNED_KEY[c.channel], { text: c.text, name: COUNSELLOR.name });
        assert.match(signed, c.language === 'en' ? /your care team$/ : /su equipo de atención$/);
        assert.deepEqual(w.received(user), [signed, t(c.language, 'careteam:handoff.started')], 'the message, then once the notice that a person is writing');

        // A retried POST (same Idempotency-Key) answers with the same message and sends nothing.
        const retry = (await (await w.write(p.id, c.text, 'compose-1')).json()) as any;
        assert.deepEqual([retry.repeated, retry.message.id], [true, message.id]);
        // A second message in the open conversation: no second notice.
        w.clock.advance(30_000);
        assert.equal((await w.write(p.id, 'Take your time.', 'compose-2')).status, 201);
        assert.equal(w.received(user).length, 3);

        const first = await w.thread(p.id);
        assert.deepEqual(first.items.map((m: any) => m.text), [c.text, 'Take your time.']);
        assert.equal(first.handoff.openedBy, COUNSELLOR.email);

        // The participant answers: nothing from the bot, the message on the thread, the counsellor told in Teams.
        w.clock.advance(60_000);
        assert.deepEqual(await w.h.say(user, c.reply), [], 'the bot says nothing while a person is answering');
        const poll = await w.thread(p.id, first.continuation);
        assert.deepEqual(poll.items.map((m: any) => [m.direction, m.text, m.channelId]), [['fromParticipant', c.reply, c.channel]]);
        await w.teams.waitFor((received) => received.some((a) => String(a.text).includes(`/staff/participants/${p.id}`)));
        const notice = w.teams.received.find((a) => String(a.text).includes(`/staff/participants/${p.id}`))!;
        assert.doesNotMatch(String(notice.text), new RegExp(c.reply), 'no message text in the channel');
        assert.equal(notice.entities?.[0]?.mentioned?.id, COUNSELLOR.aadObjectId, 'the counsellor is @mentioned');
        assert.deepEqual((await w.thread(p.id, poll.continuation)).items, [], 'the token of the last page waits for newer messages');

        // MENU ends the hand-off: the bot says so and shows its menu; the next message is the bot's again.
        const back = (await w.h.say(user, c.language === 'en' ? 'MENU' : 'Menú')).map((a) => String(a.text ?? '') + JSON.stringify(a.attachments ?? []));
        assert.ok(back[0].startsWith(t(c.language, 'careteam:handoff.endedByYou')), back.join('\n'));
        assert.ok(back.some((r) => r.includes(t(c.language, 'common:menu.checkin'))), back.join('\n'));
        assert.equal((await w.thread(p.id)).handoff, null);
        assert.notDeepEqual(await w.h.say(user, c.language === 'en' ? 'tip' : 'consejo'), [], 'the bot answers again');

        const audit = await w.h.app.staff.core.audit.page({ from: new Date('2025-01-01'), to: new Date('2026-01-01') }, 100);
        const actions = audit.items.map((e: any) => e.action);
        for (const action of ['thread.send', 'thread.view', 'thread.receive']) assert.ok(actions.includes(action), `${action} audited: ${actions.join(' ')}`);
        assert.equal(actions.filter((a: string) => a === 'thread.send').length, 2, 'the retry is not a second send');
      });
    }

    it('crisis language during the hand-off still gets the crisis response and opens the episode; STOP opts out and then nothing can be written', async () => {
      w = await CareTeamWorld.start(factory);
      const { p, user } = await w.participant('es', 'sms');
      assert.equal((await w.write(p.id, 'Hola, ¿cómo va todo?', 'c1')).status, 201);

      const crisis = (await w.h.say(user, CRISIS.es)).map((a) => String(a.text));
      assert.equal(crisis[0], t('es', 'safety:crisis.lines.suicide'));
      const [flag] = await w.h.app.services.flags.listForParticipant(p.id);
      assert.equal(flag.severity, 'urgent');
      assert.deepEqual(flag.messages?.map((m) => m.text), [CRISIS.es], 'the message joined the episode');
      assert.ok((await w.thread(p.id)).items.some((m: any) => m.text === CRISIS.es), 'and the thread: the counsellor sees it too');

      const stop = (await w.h.say(user, 'STOP')).map((a) => String(a.text));
      assert.deepEqual(stop, [t('es', 'safety:optOut.confirmed')]);
      assert.ok((await w.h.app.services.participants.get(p.id))?.optedOutAt);
      assert.equal((await w.thread(p.id)).handoff, null, 'STOP ended the hand-off');
      const refused = await w.write(p.id, '¿Sigue ahí?', 'c2');
      assert.equal(refused.status, 409);
      assert.equal(((await refused.json()) as any).error, 'opted_out');
    });

    for (const c of [
      { language: 'en', channel: 'msteams', word: 'STOP' },
      { language: 'es', channel: 'sms', word: 'BAJA' },
      { language: 'es', channel: 'msteams', word: 'parar' },
    ] as const) {
      it(`${c.word} during the hand-off (${c.language} on ${c.channel}) opts out and ends it: the next message is refused, the dashboard shows it ended`, async () => {
        w = await CareTeamWorld.start(factory);
        const { p, user } = await w.participant(c.language, c.channel);
        assert.equal((await w.write(p.id, 'How are you today?', 'h1')).status, 201);
        assert.notEqual((await w.thread(p.id)).handoff, null);

        w.clock.advance(60_000);
        assert.deepEqual((await w.h.say(user, c.word)).map((a) => String(a.text)), [t(c.language, 'safety:optOut.confirmed')]);
        assert.ok((await w.h.app.services.participants.get(p.id))?.optedOutAt, 'opted out');
        assert.equal(await w.h.app.services.careTeam.handoffOf(p.id), undefined, 'the hand-off ended at once, not after the quiet time');

        const thread = await w.thread(p.id);
        assert.deepEqual([thread.handoff, thread.optedOut], [null, true], 'what the dashboard shows');
        assert.deepEqual(thread.items.map((m: any) => m.text), ['How are you today?', c.word], 'the counsellor sees the STOP');

        const before = w.received(user).length;
        const refused = await w.write(p.id, 'Are you still there?', 'h2');
        assert.deepEqual([refused.status, ((await refused.json()) as any).error], [409, 'opted_out']);
        assert.deepEqual(await w.staff.json('POST', `/api/staff/participants/${p.id}/handoff/end`, {}), { ended: false }, 'nothing left to end');
        assert.equal(w.received(user).length, before, 'nothing more went out');
        assert.equal((await w.thread(p.id)).items.length, 2, 'the refused message is not stored');
      });
    }

    it('the counsellor ends the conversation: the participant is told, and the bot answers again', async () => {
      w = await CareTeamWorld.start(factory);
      const { p, user } = await w.participant('en', 'msteams');
      await w.write(p.id, 'Checking in on you.', 'e1');
      const end = await w.staff.json('POST', `/api/staff/participants/${p.id}/handoff/end`, {});
      assert.deepEqual(end, { ended: true });
      assert.equal(w.received(user).at(-1), t('en', 'careteam:handoff.ended'));
      assert.deepEqual(await w.staff.json('POST', `/api/staff/participants/${p.id}/handoff/end`, {}), { ended: false });
      assert.notDeepEqual(await w.h.say(user, 'tip'), []);
      assert.equal((await w.thread(p.id)).items.length, 1, 'a message to the bot is not on the thread');
    });

    it('refuses a message over 2 SMS segments, to someone unreachable or unknown, and a bad body, changing nothing', async () => {
      w = await CareTeamWorld.start(factory);
      const { p, user } = await w.participant('en', 'sms');
      const long = await w.write(p.id, 'word '.repeat(70).trim(), 'l1');
      assert.equal(long.status, 422);
      assert.equal(((await long.json()) as any).error, 'too_long');
      const size = await w.staff.json('POST', `/api/staff/participants/${p.id}/messages/size`, { text: 'word '.repeat(70).trim() });
      assert.deepEqual([size.channelId, size.segments > 2, size.fits], ['sms', true, false]);

      const lonely = await w.h.app.services.participants.add({
        displayName: 'No Phone', language: 'en', timeZone: 'America/Chicago', track: 'morning', checkinTime: '09:00', screenWeekday: 1, reminders: { enabled: false, leadMinutes: 60 },
      });
      const unreachable = await w.write(lonely.id, 'Hello', 'u1');
      assert.deepEqual([unreachable.status, ((await unreachable.json()) as any).error], [409, 'unreachable']);
      assert.equal((await w.write('no-such-participant', 'Hello')).status, 404);
      for (const body of [{}, { text: '' }, { text: 42 }, { text: 'x'.repeat(1001) }]) {
        const bad = await w.staff.call('POST', `/api/staff/participants/${p.id}/messages`, body);
        assert.equal(bad.status, 400, JSON.stringify(body));
      }
      assert.equal((await w.staff.call('GET', `/api/staff/participants/${p.id}/messages?continuation=forged`)).status, 400);
      assert.deepEqual(w.received(user), [], 'nothing went out');
      assert.deepEqual((await w.thread(p.id)).items, [], 'nothing was stored');
    });

    it('a contact request in English (words) and Spanish (the menu entry under More) raises a moderate flag and says when to expect an answer', async () => {
      w = await CareTeamWorld.start(factory);
      const en = await w.participant('en', 'sms', 'Sam Lee');
      const asked = (await w.h.say(en.user, 'I want to talk to my counselor')).map((a) => String(a.text));
      assert.deepEqual(asked, [t('en', 'careteam:contact.atWork')]);
      const [flag] = await w.h.app.services.flags.listForParticipant(en.p.id);
      assert.deepEqual([flag.reasons[0].code, flag.severity, flag.source], ['contact_request', 'moderate', 'contact']);

      // 18:00 in New York: the team is back tomorrow at 8:00 there, 7:00 on the participant's clock (Chicago).
      w.clock.set('2025-03-04T23:00:00.000Z');
      const es = await w.participant('es', 'sms', 'Lucía Pérez');
      await w.h.say(es.user, 'menú');
      await w.h.say(es.user, String(DESTINATIONS.indexOf('more') + 1));
      const option = String(MORE_DESTINATIONS.indexOf('contact') + 1);
      const reply = (await w.h.say(es.user, option)).map((a) => String(a.text));
      assert.deepEqual(reply, [t('es', 'careteam:contact.outOfHours', { when: t('es', 'safety:crisis.when.tomorrow', { time: '7:00' }) })]);
      const [esFlag] = await w.h.app.services.flags.listForParticipant(es.p.id);
      assert.equal(esFlag.reasons[0].code, 'contact_request');
      assert.match(esFlag.id, /^contact:/);
      assert.equal(esFlag.id.length, contactFlagId('x').length);

      const words = (await w.h.say(es.user, 'hablar con mi consejero(a)')).map((a) => String(a.text));
      assert.match(words[0], /^Avisé a su equipo de atención/);
    });
  });
}
