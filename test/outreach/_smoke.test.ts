import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATABASES, enroll, OutreachWorld, texts } from './outreachHarness';

for (const db of DATABASES) {
  test(`smoke ${db.name}`, async () => {
    const w = await OutreachWorld.create(db);
    try {
      const a = await w.instance();
      const p = await enroll(a, w.connector.url, { language: 'es', channels: ['sms'] });
      const q = await enroll(a, w.connector.url, { language: 'en', channels: ['msteams'], timeZone: 'America/Chicago', checkinTime: '08:00' });
      const dry = await a.outreach.tick(new Date('2026-12-01T14:00:00Z'), { dryRun: true });
      console.log(dry);
      const r = await a.outreach.tick(new Date('2026-12-01T14:00:00Z'));
      console.log(r, texts(w.received(p.id)), w.received(q.id, 'msteams'));
      const r2 = await a.outreach.tick(new Date('2026-12-01T17:00:00Z'));
      console.log(r2, texts(w.received(p.id)));
      console.log(await a.services.store.query('outreachDue', {}));
      assert.ok(true);
    } finally {
      await w.close();
    }
  });
}
