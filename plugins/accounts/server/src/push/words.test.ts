import { describe, expect, it } from 'vitest';

import { newPhrase, normalisePhrase, PHRASE_WORDS } from './words';

describe('pairing phrases', () => {
  it('draws from 256 distinct short lower-case words', () => {
    expect(new Set(PHRASE_WORDS).size).toBe(256);
    expect(PHRASE_WORDS.every((word) => /^[a-z]{3,8}$/.test(word))).toBe(true);
  });

  it('makes phrases of two known words', () => {
    const phrase = newPhrase();

    expect(normalisePhrase(phrase)).toBe(phrase);
  });

  it('reads a phrase whatever its case, spacing or separator', () => {
    expect(normalisePhrase('  Apple   BANANA ')).toBe('apple banana');
    expect(normalisePhrase('apple-banana')).toBe('apple banana');
    expect(normalisePhrase('AppleBanana')).toBe('apple banana');
  });

  it('refuses words outside the list and any other number of words', () => {
    expect(normalisePhrase('correct horse')).toBeNull();
    expect(normalisePhrase('apple')).toBeNull();
    expect(normalisePhrase('apple banana cherry')).toBeNull();
    expect(normalisePhrase('')).toBeNull();
  });
});
