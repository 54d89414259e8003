import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countSegments, nonGsmCharacters } from '../../bot/channels/smsSegments';

describe('countSegments', () => {
  it('counts nothing for an empty text', () => {
    assert.deepEqual(countSegments(''), { encoding: 'GSM-7', segments: 0, units: 0 });
  });

  it('fits 160 GSM-7 characters in one segment and splits at 161', () => {
    assert.deepEqual(countSegments('a'.repeat(160)), { encoding: 'GSM-7', segments: 1, units: 160 });
    assert.deepEqual(countSegments('a'.repeat(161)), { encoding: 'GSM-7', segments: 2, units: 161 });
  });

  it('uses 153 characters per part once split', () => {
    assert.equal(countSegments('a'.repeat(306)).segments, 2);
    assert.equal(countSegments('a'.repeat(307)).segments, 3);
  });

  it('counts each GSM-7 extension character as two septets', () => {
    for (const ch of ['€', '[', ']', '{', '}', '~', '^', '\\', '|']) {
      const size = countSegments(`a${ch}`);
      assert.deepEqual(size, { encoding: 'GSM-7', segments: 1, units: 3 }, ch);
    }
    assert.equal(countSegments('€'.repeat(80)).segments, 1);
    assert.equal(countSegments('€'.repeat(81)).segments, 2);
    // 160 characters, 161 septets.
    assert.equal(countSegments(`${'a'.repeat(159)}{`).segments, 2);
  });

  it('never splits an escape pair across parts', () => {
    // 306 septets would be 2 parts by division, but the € cannot start at the end of part one.
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
    assert.equal(countSegments(text).units, 306);
    assert.equal(countSegments(text).segments, 3);
  });

  it('keeps é ñ ü ¿ ¡ in GSM-7', () => {
    const text = '¿Qué tal, señor? ¡Pingüino!';
    assert.equal(countSegments(text).encoding, 'GSM-7');
    assert.deepEqual(countSegments('é'.repeat(160)), { encoding: 'GSM-7', segments: 1, units: 160 });
  });

  it('switches the whole text to UCS-2 for one á í ó ú', () => {
    for (const ch of ['á', 'í', 'ó', 'ú']) {
      assert.deepEqual(countSegments(`${'e'.repeat(69)}${ch}`), { encoding: 'UCS-2', segments: 1, units: 70 }, ch);
    }
    assert.equal(countSegments(`${'é'.repeat(160)}á`).segments, 3);
  });

  it('fits 70 UCS-2 units in one segment, 71 in two, 134 in two, 135 in three', () => {
    assert.deepEqual(countSegments('á'.repeat(70)), { encoding: 'UCS-2', segments: 1, units: 70 });
    assert.deepEqual(countSegments('á'.repeat(71)), { encoding: 'UCS-2', segments: 2, units: 71 });
    assert.equal(countSegments('á'.repeat(134)).segments, 2);
    assert.equal(countSegments('á'.repeat(135)).segments, 3);
  });

  it('counts a surrogate pair as two UTF-16 units', () => {
    assert.deepEqual(countSegments('😀'.repeat(35)), { encoding: 'UCS-2', segments: 1, units: 70 });
    assert.deepEqual(countSegments('😀'.repeat(36)), { encoding: 'UCS-2', segments: 2, units: 72 });
  });

  it('counts GSM-7 characters as one unit each in a UCS-2 text (no double counting of extension characters)', () => {
    assert.deepEqual(countSegments('á€'), { encoding: 'UCS-2', segments: 1, units: 2 });
  });
});

describe('nonGsmCharacters', () => {
  it('names what forced UCS-2, e.g. an en dash or curly quote', () => {
    assert.deepEqual(nonGsmCharacters('Reply 1–5 ’ok’'), ['–', '’', '’']);
    assert.deepEqual(nonGsmCharacters('Reply 1-5'), []);
  });
});
