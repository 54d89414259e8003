import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadResources } from '../../bot/i18n';
import { assertFitsSms, assertLocaleFitsSms } from '../helpers/sms';
import { fixtureLocalesDir } from './promptFixtures';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('locales prompts.json', () => {
  it('has the same keys in en and es', () => {
    const resources = loadResources();
    assert.deepEqual(keysOf(resources.es.prompts).sort(), keysOf(resources.en.prompts).sort());
  });

  it('fits SMS in every string, in both languages', () => {
    assertLocaleFitsSms(['prompts']);
  });
});

describe('test/helpers/sms', () => {
  it('passes 134 UCS-2 characters and fails 135', () => {
    assertFitsSms('á'.repeat(134), 'edge');
    assert.throws(() => assertFitsSms('á'.repeat(135), 'edge'), /edge: 3 SMS segments.*UCS-2 because of: á/s);
  });

  it('fills placeholders so a long value cannot hide behind {{name}}', () => {
    // 305 characters as written (2 segments), 307 once {{name}} is 10 characters (3 segments).
    const dir = fixtureLocalesDir({ outreach: { en: { hi: `${'a'.repeat(297)}{{name}}` }, es: { hi: 'Hola {{name}}' } } });
    assert.throws(() => assertLocaleFitsSms(['outreach'], { localesDir: dir }), /en\/outreach:hi: 3 SMS segments/);
    assertLocaleFitsSms(['outreach'], { localesDir: dir, vars: { name: 'Ana' } });
  });

  it('fails rather than pass when there is nothing to check', () => {
    const dir = fixtureLocalesDir({ outreach: { en: { hi: 'Hi' }, es: { hi: 'Hola' } } });
    assert.throws(() => assertLocaleFitsSms(['outreach'], { localesDir: dir, include: () => false }), /no strings to check/);
    assert.throws(() => assertLocaleFitsSms(['nosuchnamespace'], { localesDir: dir }), /no strings to check/);
  });
});
