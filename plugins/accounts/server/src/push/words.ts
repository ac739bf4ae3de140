import { randomInt } from 'node:crypto';

/**
 * 256 short words that are easy to read aloud and to type on a phone: two of them make a
 * pairing phrase (65,536 combinations). The phrase only says which companion to pair; the
 * account's password is what proves the user, so a small space is enough for a 10-minute phrase.
 */
export const PHRASE_WORDS: readonly string[] = [
  'acorn', 'anchor', 'apple', 'arrow', 'atlas', 'badge', 'bagel', 'baker', 'bamboo', 'banana',
  'banjo', 'barrel', 'basket', 'beach', 'beaver', 'berry', 'bicycle', 'bison', 'blanket',
  'blossom', 'bottle', 'bread', 'breeze', 'brick', 'bridge', 'brush', 'bucket', 'buffalo',
  'butter', 'button', 'cabin', 'cactus', 'camel', 'camera', 'candle', 'canoe', 'canyon', 'carpet',
  'carrot', 'castle', 'cedar', 'cello', 'cherry', 'chess', 'circle', 'cliff', 'clock', 'cloud',
  'clover', 'cobra', 'cocoa', 'comet', 'copper', 'coral', 'cotton', 'cookie', 'crab', 'crane',
  'crayon', 'cricket', 'crown', 'cube', 'daisy', 'delta', 'desert', 'diamond', 'dolphin',
  'domino', 'donkey', 'dragon', 'drum', 'eagle', 'easel', 'echo', 'elbow', 'falcon', 'feather',
  'fennel', 'fern', 'ferry', 'fiddle', 'flame', 'flute', 'forest', 'fossil', 'fountain', 'fox',
  'galaxy', 'garden', 'garlic', 'geyser', 'ginger', 'giraffe', 'glacier', 'globe', 'goose',
  'granite', 'grape', 'gravel', 'guitar', 'hammer', 'harbor', 'harp', 'hazel', 'helmet', 'heron',
  'hill', 'honey', 'horizon', 'hornet', 'igloo', 'island', 'ivory', 'jacket', 'jaguar', 'jasmine',
  'jelly', 'jungle', 'kayak', 'kettle', 'kite', 'koala', 'ladder', 'lagoon', 'lake', 'lantern',
  'lemon', 'lentil', 'lily', 'lime', 'lion', 'lizard', 'lobster', 'lotus', 'magnet', 'mango',
  'maple', 'marble', 'meadow', 'melon', 'meteor', 'mint', 'mirror', 'moose', 'mountain', 'muffin',
  'mushroom', 'needle', 'nest', 'noodle', 'nutmeg', 'oak', 'oasis', 'ocean', 'olive', 'onion',
  'orange', 'orbit', 'orchid', 'otter', 'owl', 'oyster', 'paddle', 'palm', 'panda', 'parrot',
  'peach', 'peanut', 'pebble', 'pelican', 'pencil', 'penguin', 'pepper', 'piano', 'pillow',
  'pine', 'planet', 'plum', 'pocket', 'pony', 'poppy', 'potato', 'prism', 'pumpkin', 'puzzle',
  'quartz', 'quilt', 'rabbit', 'radish', 'rainbow', 'raven', 'reef', 'ribbon', 'river', 'robin',
  'rocket', 'rose', 'ruby', 'saddle', 'salmon', 'sandal', 'satin', 'scarf', 'seal', 'shell',
  'shovel', 'silver', 'sketch', 'sled', 'snail', 'spider', 'spoon', 'squid', 'star', 'stone',
  'stork', 'sugar', 'summit', 'sunset', 'swan', 'table', 'tango', 'teapot', 'thistle', 'thunder',
  'tiger', 'timber', 'toast', 'tomato', 'topaz', 'torch', 'tractor', 'trumpet', 'tulip', 'tunnel',
  'turtle', 'umbrella', 'valley', 'velvet', 'violin', 'volcano', 'waffle', 'walnut', 'walrus',
  'wave', 'whale', 'wheat', 'willow', 'window', 'winter', 'wizard', 'wolf', 'wombat', 'yogurt',
  'zebra', 'zipper',
];

const KNOWN = new Set(PHRASE_WORDS);

/** A fresh two-word phrase, each word drawn with a cryptographic random number. */
export function newPhrase(): string {
  const pick = () => PHRASE_WORDS[randomInt(PHRASE_WORDS.length)];
  return `${pick()} ${pick()}`;
}

/** Splits "applebanana" typed without a space into the two known words it is made of. */
function splitJoined(token: string): string[] {
  for (let at = 1; at < token.length; at += 1) {
    const [first, second] = [token.slice(0, at), token.slice(at)];
    if (KNOWN.has(first) && KNOWN.has(second)) return [first, second];
  }
  return [token];
}

/** The phrase as stored: lower case, one space between the words; null when it is no phrase. */
export function normalisePhrase(input: string): string | null {
  const tokens = input
    .toLowerCase()
    .split(/[\s,.\-_]+/)
    .filter(Boolean);
  const words = tokens.length === 1 ? splitJoined(tokens[0]) : tokens;
  if (words.length !== 2 || !words.every((word) => KNOWN.has(word))) return null;
  return words.join(' ');
}
