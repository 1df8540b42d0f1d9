import { describe, expect, it } from 'vitest';
import { objectOfId, sameId, toId15, toId18 } from '../../../lib/crm/salesforce/ids';
import { caseSafeId } from '../../../lib/sandbox/ids';
import { Random } from '../../../lib/seeded/random';

describe('toId18', () => {
  it('appends the case-safe suffix of published 15 → 18 pairs', () => {
    expect(toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(toId18('a0D30000001n7Pi')).toBe('a0D30000001n7PiEAI');
    expect(toId18('0019000000B98de')).toBe('0019000000B98deAAB');
  });

  it('keeps a correct 18-character id, whatever the case of its suffix', () => {
    expect(toId18('001A0000006Vm9rIAC')).toBe('001A0000006Vm9rIAC');
    expect(toId18('001A0000006Vm9riac')).toBe('001A0000006Vm9rIAC');
    expect(toId18('  0019000000B98deAAB ')).toBe('0019000000B98deAAB');
  });

  it('restores the case of an 18-character id that a case-insensitive tool changed', () => {
    expect(toId18('001A0000006VM9RIAC')).toBe('001A0000006Vm9rIAC');
    expect(toId18('a0d30000001n7pieai')).toBe('a0D30000001n7PiEAI');
  });

  it('refuses what is not an id', () => {
    for (const bad of ['', '001A0000006Vm9', '001A0000006Vm9rI', '001A0000006Vm9r-AC', '001A0000006Vm9r!AC', '0065g00000AbCdE5AA', '001A0000006Vm9rIACX']) {
      expect(toId18(bad), bad).toBeNull();
    }
  });

  it('agrees with the sandbox generator on random ids', () => {
    const rng = new Random(11);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    for (let n = 0; n < 500; n++) {
      let id = '006';
      for (let i = 0; i < 12; i++) id += alphabet.charAt(rng.int(alphabet.length));
      expect(toId18(id)).toBe(caseSafeId(id));
      expect(toId18(caseSafeId(id).toUpperCase())).toBe(caseSafeId(id));
    }
  });
});

describe('toId15, sameId, objectOfId', () => {
  it('relates the two forms', () => {
    expect(toId15('001A0000006Vm9rIAC')).toBe('001A0000006Vm9r');
    expect(sameId('001A0000006Vm9r', '001a0000006vm9riac')).toBe(true);
    expect(sameId('001A0000006Vm9r', '001A0000006Vm9R')).toBe(false);
    expect(sameId('nope', 'nope')).toBe(false);
  });

  it('names the objects of known key prefixes', () => {
    expect(objectOfId('0065g00000AbCdEAAV')).toBe('Opportunity');
    expect(objectOfId('001A0000006Vm9rIAC')).toBe('Account');
    expect(objectOfId('a0D30000001n7PiEAI')).toBeNull();
  });
});
