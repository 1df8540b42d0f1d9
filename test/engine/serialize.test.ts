import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { Random } from '../../lib/seeded/random';
import { base64ToBytes, bytesToBase64, decodeArray, encodeArray } from '../../lib/engine/serialize';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('base64', () => {
  it('encodes the RFC 4648 examples', () => {
    expect(bytesToBase64(ascii('Man'))).toBe('TWFu');
    expect(bytesToBase64(ascii('Ma'))).toBe('TWE=');
    expect(bytesToBase64(ascii('M'))).toBe('TQ==');
    expect(bytesToBase64(new Uint8Array(0))).toBe('');
    // RFC 4648 §10 test vectors.
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => bytesToBase64(ascii(s)))).toEqual([
      '',
      'Zg==',
      'Zm8=',
      'Zm9v',
      'Zm9vYg==',
      'Zm9vYmE=',
      'Zm9vYmFy',
    ]);
    expect(bytesToBase64(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('+/+/');
  });

  it('decodes them back', () => {
    expect([...base64ToBytes('TWFu')]).toEqual([...ascii('Man')]);
    expect([...base64ToBytes('TWE=')]).toEqual([...ascii('Ma')]);
    expect([...base64ToBytes('TQ==')]).toEqual([...ascii('M')]);
    expect(base64ToBytes('')).toHaveLength(0);
  });

  it("agrees with Node's Buffer on every length around the chunk boundary", () => {
    const random = new Random(1);
    // The encoder works in chunks of 12,288 bytes; cross that boundary with every remainder.
    for (const length of [0, 1, 2, 3, 4, 5, 6, 7, 100, 12_287, 12_288, 12_289, 12_290, 30_001]) {
      const bytes = Uint8Array.from({ length }, () => random.int(256));
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('rejects text that is not base64', () => {
    expect(() => base64ToBytes('TWF')).toThrow('base64ToBytes: not a base64 string');
    expect(() => base64ToBytes('TW-u')).toThrow('not a base64 string');
    expect(() => base64ToBytes('TW u')).toThrow('not a base64 string');
  });
});

describe('encodeArray / decodeArray', () => {
  it('round-trips every typed array kind, including lengths whose bytes are not a multiple of 3', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 7]) {
      const ints = Array.from({ length }, (_, i) => (i * 7919) % 251);
      const cases = [
        [Uint8Array.from(ints), Uint8Array],
        [Uint16Array.from(ints, (v) => v * 257), Uint16Array],
        [Int32Array.from(ints, (v, i) => (i % 2 ? -v : v) * 1_000_003), Int32Array],
        [Uint32Array.from(ints, (v) => v * 17_000_003), Uint32Array],
        [Float32Array.from(ints, (v) => v / 3), Float32Array],
        [Float64Array.from(ints, (v) => Math.PI * v - 1e-300), Float64Array],
      ] as const;
      for (const [array, Type] of cases) {
        const decoded = decodeArray(encodeArray(array), Type as never) as typeof array;
        expect(decoded).toBeInstanceOf(Type);
        expect(decoded).toEqual(array);
      }
    }
  });

  it('keeps special float values bit for bit', () => {
    const values = Float64Array.of(Number.NaN, -0, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, 0.1);
    const decoded = decodeArray(encodeArray(values), Float64Array);
    expect(Object.is(decoded[0], Number.NaN)).toBe(true);
    expect(Object.is(decoded[1], -0)).toBe(true);
    expect([...decoded.slice(2)]).toEqual([...values.slice(2)]);
    const singles = Float32Array.of(Number.NaN, -0, 1.5, -2.25);
    const back = decodeArray(encodeArray(singles), Float32Array);
    expect(Object.is(back[1], -0)).toBe(true);
    expect(back[0]).toBeNaN();
    expect([...back.slice(2)]).toEqual([1.5, -2.25]);
  });

  it('encodes only the view of a subarray, not its whole buffer', () => {
    const whole = Int32Array.of(1, 2, 3, 4, 5);
    const view = whole.subarray(1, 3);
    expect([...decodeArray(encodeArray(view), Int32Array)]).toEqual([2, 3]);
    // An odd byte offset into a Uint8Array.
    const bytes = Uint8Array.of(9, 8, 7, 6, 5).subarray(1, 4);
    expect([...decodeArray(encodeArray(bytes), Uint8Array)]).toEqual([8, 7, 6]);
  });

  it('encodes little-endian bytes (the byte order of every platform the extension runs on)', () => {
    expect(encodeArray(Uint16Array.of(0x4d61))).toBe(bytesToBase64(Uint8Array.of(0x61, 0x4d)));
  });

  it('rejects a byte count that is not a whole number of elements', () => {
    expect(() => decodeArray(bytesToBase64(Uint8Array.of(1, 2, 3)), Float32Array)).toThrow('decodeArray: 3 bytes is not a whole number of 4-byte elements');
  });
});
