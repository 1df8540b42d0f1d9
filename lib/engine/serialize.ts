/**
 * Typed arrays ↔ base64 strings, so saved models are compact plain data that survive
 * `JSON.stringify`, structured clone and IndexedDB alike. Written here (not `btoa` or
 * `Buffer`) because lib/engine runs unchanged in Node, a worker and the extension.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let out = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] as number;
      const b = i + 1 < end ? (bytes[i + 1] as number) : 0;
      const c = i + 2 < end ? (bytes[i + 2] as number) : 0;
      const triple = (a << 16) | (b << 8) | c;
      out += ALPHABET[(triple >>> 18) & 63]! + ALPHABET[(triple >>> 12) & 63]!;
      out += i + 1 < end ? ALPHABET[(triple >>> 6) & 63]! : '=';
      out += i + 2 < end ? ALPHABET[triple & 63]! : '=';
    }
    parts.push(out);
  }
  return parts.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) throw new Error('base64ToBytes: not a base64 string');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const triple =
      ((LOOKUP[text.charCodeAt(i)] as number) << 18) |
      ((LOOKUP[text.charCodeAt(i + 1)] as number) << 12) |
      ((LOOKUP[text.charCodeAt(i + 2)] as number) << 6) |
      (LOOKUP[text.charCodeAt(i + 3)] as number);
    if (o < out.length) out[o++] = (triple >>> 16) & 255;
    if (o < out.length) out[o++] = (triple >>> 8) & 255;
    if (o < out.length) out[o++] = triple & 255;
  }
  return out;
}

type NumericArray = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float32Array | Float64Array;

export function encodeArray(array: NumericArray): string {
  return bytesToBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

/** Decodes into a fresh, aligned typed array of the given constructor. */
export function decodeArray<T extends NumericArray>(text: string, Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = base64ToBytes(text);
  if (bytes.length % Type.BYTES_PER_ELEMENT !== 0) {
    throw new Error(`decodeArray: ${bytes.length} bytes is not a whole number of ${Type.BYTES_PER_ELEMENT}-byte elements`);
  }
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new Type(buffer);
}
