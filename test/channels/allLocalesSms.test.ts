import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, LOCALES_DIR, loadResources } from '../../bot/i18n';
import { countSegments } from '../../bot/channels/smsSegments';
import { assertLocaleFitsSms } from '../helpers/sms';

/** Namespaces shown in a browser or the Teams app store only (dashboard, playground page, app listing) never go out as SMS. */
const BROWSER_ONLY = new Set(['staff', 'playground', 'teams']);
const participantNamespaces = readdirSync(join(LOCALES_DIR, 'en'))
  .map((f) => f.replace(/\.json$/, ''))
  .filter((ns) => !BROWSER_ONLY.has(ns));

test('every participant-facing text of every locale fits 2 SMS segments', (t) => {
  assert.ok(participantNamespaces.length >= 8, participantNamespaces.join(', '));
  assertLocaleFitsSms(participantNamespaces, { placeholderLength: 12 });

  // The figure for the closing note: the longest text per locale, in segments.
  const resources = loadResources();
  for (const language of LANGUAGES) {
    let worst = { key: '', segments: 0, units: 0, encoding: '' };
    for (const ns of participantNamespaces) {
      const walk = (node: unknown, path: string): void => {
        if (typeof node === 'string') {
          const text = node.replace(/{{[^}]+}}/g, 'x'.repeat(12));
          const c = countSegments(text);
          if (c.segments > worst.segments || (c.segments === worst.segments && c.units > worst.units)) {
            worst = { key: `${ns}:${path}`, segments: c.segments, units: c.units, encoding: c.encoding };
          }
        } else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
        }
      };
      walk(resources[language][ns], '');
    }
    t.diagnostic(`${language}: longest SMS text ${worst.key}: ${worst.segments} segments (${worst.units} ${worst.encoding} units)`);
    assert.ok(worst.segments <= 2);
  }
});
