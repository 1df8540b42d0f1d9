/**
 * cyrb53 (bryc, public domain): a fast 53-bit string hash with good avalanche. The
 * persona card must be the same for an id on every machine and in every release, so this
 * function is frozen: changing it renames every persona (test/persona-card/persona-card.test.ts
 * pins its outputs). lib/engine/hash.ts is the engine's copy, for persona ids; the two are
 * kept apart so that the overlay's avatars pull no engine code (issue 11).
 */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
