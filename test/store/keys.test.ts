import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stateKeyId } from '../../bot/store/keys';

describe('stateKeyId', () => {
  it('is the SHA-256 hex of the key', () => {
    assert.equal(stateKeyId(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(stateKeyId('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('keeps long keys that share a prefix apart', () => {
    const teams = `msteams/conversations/19:${'a'.repeat(600)}@thread.tacv2`;
    assert.notEqual(stateKeyId(teams), stateKeyId(`${teams}x`));
    assert.match(stateKeyId(teams), /^[0-9a-f]{64}$/);
  });

  it('hashes non-ASCII keys as their UTF-8 bytes', () => {
    // SHA-256 of the bytes C3 A9.
    assert.equal(stateKeyId('\u00e9'), '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});
