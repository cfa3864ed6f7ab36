/**
 * What operators type instead of full English: arrows and '&' ("distance mug→laptop", "mug & laptop"), chat
 * shorthand ("r", "u", "pls", "dist"), contractions without the apostrophe ("whats", "wheres") or on other words
 * ("how far's", "which one's"), and common typos of the grammar's own words ("hwo", "teh", "bewteen", "hieght").
 * Object names are never corrected here (see spelling.ts, which says when it does). Input lower case.
 * Pure TypeScript.
 */

/** Misspellings of grammar words, each mapped to the word meant. Only words no object is called. */
const TYPOS: Record<string, string> = {
  hwo: 'how',
  waht: 'what',
  wat: 'what',
  whta: 'what',
  teh: 'the',
  hte: 'the',
  form: 'from',
  fomr: 'from',
  frm: 'from',
  bewteen: 'between',
  betwen: 'between',
  betweeen: 'between',
  btwn: 'between',
  distnace: 'distance',
  distane: 'distance',
  distace: 'distance',
  distanse: 'distance',
  dist: 'distance',
  hieght: 'height',
  heigth: 'height',
  hight: 'height',
  heigt: 'height',
  widht: 'width',
  wdith: 'width',
  lenght: 'length',
  legnth: 'length',
  lenth: 'length',
  tal: 'tall',
  talll: 'tall',
  tallets: 'tallest',
  bigest: 'biggest',
  closeset: 'closest',
  clsoest: 'closest',
  closset: 'closest',
  furthur: 'further',
  infront: 'in front',
  behing: 'behind',
  abvoe: 'above',
  rigth: 'right',
  lfet: 'left',
  hihg: 'high',
  pls: 'please',
  plz: 'please',
  thx: '',
  thanks: '',
  whats: 'what is',
  wheres: 'where is',
  hows: 'how is',
  whch: 'which',
  wich: 'which',
  vs: 'or',
  versus: 'or',
}

/** Words that take an "'s" meaning "is" in questions ("how far's", "which one's", "where's"). */
const IS_CONTRACTED =
  /\b(what|where|how|which|who|it|that|there|here|far|away|high|wide|long|tall|big|deep|thick|heavy|close|near)'s\b/g

/**
 * Operator shorthand → plain words. Arrows and '&' become "to" and "and", "which one's" becomes "which one is",
 * each typo of {@link TYPOS} its word; nothing else changes.
 */
export function operatorWords(s: string): string {
  let out = s
    .replace(/\s*(?:->|=>|-->|→|⟶|➔|➜|—>|–>)\s*/g, ' to ')
    .replace(/\s*&\s*/g, ' and ')
    .replace(IS_CONTRACTED, '$1 is')
    .replace(/\bwhich one's\b/g, 'which one is')
    // "r" and "u" only where they cannot be an object's name: "how far apart r the …", "can u tell me".
    .replace(/ r (?=the |there\b|they\b|we\b|these\b|those\b)/g, ' are ')
    .replace(/\b(can|could|do|would|will) u\b/g, '$1 you')
  out = out.replace(/(?<![\w'-])[a-z]+(?![\w'-])/g, (w) => (w in TYPOS ? TYPOS[w] : w))
  return out.replace(/\s+/g, ' ')
}

/** "mug vs laptop, which is bigger" → "which is bigger, mug or laptop" (after {@link operatorWords}: vs → or). */
export function frontedPair(s: string): string {
  const m = /^(?:the )?(.+?) or (.+?), (which(?: one)?|what) (is|are) (.+)$/.exec(s)
  return m ? `${m[3]} ${m[4]} ${m[5]}, ${m[1]} or ${m[2]}` : s
}
