import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { SentActivity } from '../helpers/captureConnector';
import { HIGH, MODERATE, STAFF_CHANNEL, StaffClient, StaffHarness, URGENT } from './staffHarness';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function card(activity: SentActivity): any {
  const att = activity.attachments?.find((a: any) => a.contentType === ADAPTIVE);
  assert.ok(att, 'an Adaptive Card attachment');
  return att.content;
}

function cardText(c: any): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string') out.push(n.title);
    if (typeof n.value === 'string') out.push(n.value);
    if (typeof n.url === 'string') out.push(n.url);
    Object.values(n).forEach((v) => (Array.isArray(v) ? v.forEach(walk) : walk(v)));
  };
  walk(c);
  return out.join('\n');
}

describe('staff Teams alerts through the Bot Framework protocol', () => {
  let s: StaffHarness;
  let pid: string;

  beforeEach(async () => {
    s = await StaffHarness.withTeams();
    await s.account('ana@clinic.org', 'admin', { aadObjectId: 'aad-ana' });
    await s.account('ben@clinic.org', 'clinician');
    pid = (await s.participant('Ana María Ruiz', { track: 'evening' })).id;
  });
  afterEach(() => s.stop());

  const invoke = (from: Record<string, string>, flagId: string, replyToId: string) =>
    s.h.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `invoke-${Math.random()}`,
      channelId: 'msteams',
      serviceUrl: s.teams!.url,
      conversation: { id: `${STAFF_CHANNEL};messageid=${replyToId}`, conversationType: 'channel', isGroup: true },
      from,
      recipient: { id: 'puente-bot' },
      replyToId,
      value: { action: { type: 'Action.Execute', verb: 'ack', data: { puenteStaff: 'ack', participantId: pid, flagId } }, trigger: 'manual' },
    });

  it('posts an Adaptive Card 1.5 for urgent and high flags only, with the minimum necessary', async () => {
    await s.flag(pid, 'crisis:1', URGENT, 'I want to end it all, call me at 555-0100');
    await s.flag(pid, 'checkin:moderate', MODERATE);
    await s.flag(pid, 'checkin:high', HIGH);
    const posts = s.teams!.received;
    assert.equal(posts.length, 2, 'urgent and high; moderate is not posted');
    assert.equal(posts[0].conversation!.id, STAFF_CHANNEL);
    const urgent = card(posts[0]);
    assert.equal(urgent.version, '1.5');
    const text = cardText(urgent);
    assert.match(text, /Urgent flag/);
    assert.match(text, /AMR/, 'initials');
    assert.match(text, /Evening/);
    assert.match(text, /Safety question answered yes/);
    assert.ok(text.includes(`https://puente.example.org/staff/flags/${pid}/crisis%3A1`));
    assert.doesNotMatch(text, /Ana|Ruiz|end it all|555-0100/, 'no name, no message text');
    const execute = urgent.actions.find((a: any) => a.type === 'Action.Execute');
    assert.equal(execute.verb, 'ack');
    assert.equal(execute.fallback.type, 'Action.Submit');
    assert.deepEqual(execute.fallback.data, execute.data);
    assert.match(cardText(card(posts[1])), /High flag[\s\S]*High craving/);
  });

  it('Action.Execute: an unmapped Teams user is told so and nothing changes', async () => {
    await s.flag(pid, 'crisis:1', URGENT);
    const { status, body } = await invoke({ id: '29:stranger', aadObjectId: 'aad-nobody' }, 'crisis:1', 'sent-1');
    assert.equal(status, 200);
    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
    assert.match(body.value, /not linked to a Puente staff account/);
    const flag = await s.services.flags.get(pid, 'crisis:1');
    assert.equal(flag!.status, 'open');
    assert.equal(flag!.assignee, null);
    assert.equal(s.teams!.updated.length, 0);
  });

  it('Action.Execute: acknowledges as the mapped user (AAD object id) and answers with the refreshed card', async () => {
    await s.flag(pid, 'crisis:1', URGENT);
    const { status, body } = await invoke({ id: '29:ana', aadObjectId: 'aad-ana' }, 'crisis:1', 'sent-1');
    assert.equal(status, 200);
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, ADAPTIVE);
    const text = cardText(body.value);
    assert.match(text, /Acknowledged by ana@clinic\.org/);
    assert.equal(body.value.actions.some((a: any) => a.type === 'Action.Execute' && a.verb === 'ack'), false, 'no Acknowledge button any more');
    const flag = await s.services.flags.get(pid, 'crisis:1');
    assert.equal(flag!.status, 'acknowledged');
    assert.equal(flag!.acknowledgedBy, 'ana@clinic.org');
    assert.equal(flag!.acknowledgedAt, s.clock().toISOString());
    // A participant's conversation never saw it, and no participant dialog ran for the staff channel.
    assert.equal(s.h.connector.received.length, 0);
  });

  it('Action.Submit fallback: maps by the member’s email and updates the posted card in place', async () => {
    await s.flag(pid, 'checkin:high', HIGH);
    const posted = s.teams!.received[0];
    const submit = (from: string, id: string) =>
      s.h.post({
        type: 'message',
        id,
        channelId: 'msteams',
        serviceUrl: s.teams!.url,
        conversation: { id: `${STAFF_CHANNEL};messageid=sent-1`, conversationType: 'channel', isGroup: true },
        from: { id: from },
        recipient: { id: 'puente-bot' },
        replyToId: 'sent-1',
        value: { puenteStaff: 'ack', participantId: pid, flagId: 'checkin:high' },
      });
    // Not a member Teams knows an email for: told so, nothing changes.
    assert.equal((await submit('29:visitor', 'msg-0')).status, 200);
    assert.match(s.teams!.received[1].text, /not linked to a Puente staff account/);
    assert.equal(s.teams!.updated.length, 0);
    assert.equal((await s.services.flags.get(pid, 'checkin:high'))!.status, 'open');

    s.teams!.members.set('29:ben', { id: '29:ben', email: 'Ben@Clinic.org', userPrincipalName: 'ben@clinic.org' });
    const { status } = await submit('29:ben', 'msg-1');
    assert.equal(status, 200);
    assert.equal(posted.conversation!.id, STAFF_CHANNEL);
    assert.equal(s.teams!.updated.length, 1);
    assert.equal(s.teams!.updated[0].id, 'sent-1');
    assert.match(cardText(card(s.teams!.updated[0])), /Acknowledged by ben@clinic\.org/);
    assert.equal((await s.services.flags.get(pid, 'checkin:high'))!.assignee, 'ben@clinic.org');
  });

  it('escalates an urgent flag left open: posted again, marked, bannered until acknowledged', async () => {
    await s.flag(pid, 'crisis:1', URGENT);
    await s.flag(pid, 'checkin:high', HIGH);
    s.clock.advance(14 * 60_000);
    assert.deepEqual(await s.staff.tick(), { escalated: 0, alertsPosted: 0, alertsFailed: 0, sessionsSwept: 0 }, 'both posted at once: nothing left for the tick');
    s.clock.advance(60_000);
    assert.equal((await s.staff.tick()).escalated, 1, 'only the urgent flag, after 15 minutes');
    assert.equal((await s.staff.tick()).escalated, 0, 'once');
    const flag = await s.services.flags.get(pid, 'crisis:1');
    assert.equal(flag!.escalatedAt, s.clock().toISOString());
    assert.equal(s.teams!.received.length, 3);
    assert.match(cardText(card(s.teams!.received[2])), /ESCALATED: Urgent flag not acknowledged/);

    const ben = await StaffClient.signedIn(s.base, 'ben@clinic.org');
    for (const path of ['/staff', '/staff/participants']) {
      const html = await (await ben.call('GET', path)).text();
      assert.match(html, /<section class="banner"/, path);
      assert.ok(html.includes(`/staff/flags/${pid}/crisis%3A1`));
    }
    assert.equal((await ben.json('GET', '/api/staff/me')).escalated.length, 1);

    await ben.json('POST', `/api/staff/flags/${pid}/crisis%3A1/acknowledge`, {});
    const updates = s.teams!.updated.map((a) => a.id).sort();
    assert.deepEqual(updates, ['sent-1', 'sent-3'], 'both cards of the flag show who acknowledged');
    assert.match(cardText(card(s.teams!.updated[1])), /Acknowledged by ben@clinic\.org/);
    assert.doesNotMatch(await (await ben.call('GET', '/staff')).text(), /class="banner"/);
  });

  it('answers other messages in the staff channel with where the dashboard is, not with enrollment', async () => {
    const { status } = await s.h.post({
      type: 'message',
      id: 'msg-2',
      channelId: 'msteams',
      serviceUrl: s.teams!.url,
      conversation: { id: `${STAFF_CHANNEL};messageid=99`, conversationType: 'channel', isGroup: true },
      from: { id: '29:ana', aadObjectId: 'aad-ana' },
      recipient: { id: 'puente-bot' },
      text: '<at>Puente</at> hello',
    });
    assert.equal(status, 200);
    assert.equal(s.teams!.received.length, 1);
    assert.match(s.teams!.received[0].text, /receives Puente flag alerts.*https:\/\/puente\.example\.org\/staff/);
  });
});

describe('staff Teams alerts in Spanish', () => {
  let s: StaffHarness;
  before(async () => {
    s = await StaffHarness.withTeams({ STAFF_TEAMS_LANGUAGE: 'es' });
  });
  after(() => s.stop());

  it('posts the card in the configured language', async () => {
    const p = await s.participant('Luis Pérez', { track: 'morning' });
    await s.flag(p.id, 'checkin:x', HIGH);
    const text = cardText(card(s.teams!.received[0]));
    assert.match(text, /Alerta Alta/);
    assert.match(text, /Deseo de consumir alto/);
    assert.match(text, /Mañana/);
    assert.match(text, /LP/);
    assert.match(text, /Confirmar/);
  });
});
