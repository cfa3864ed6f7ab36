/**
 * Reading a small vision-language model's free-text answers: tidy text, yes/no, and a short object
 * noun for naming. Conservative on purpose: an answer that is not clearly one of these reads as
 * undefined, so callers report "unclear" instead of guessing. Pure.
 */

/** Whitespace collapsed, trimmed. */
export function tidyAnswer(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** 'yes' / 'no' when the answer starts with that word ("Yes, it is red."), else undefined. */
export function readYesNo(text: string): 'yes' | 'no' | undefined {
  const first = /^[^a-z]*([a-z]+)/i.exec(text)?.[1]?.toLowerCase()
  return first === 'yes' || first === 'no' ? first : undefined
}

/** Words that name nothing in particular; an answer made only of them is no name. */
const VAGUE_WORDS = new Set([
  'object',
  'objects',
  'thing',
  'things',
  'item',
  'items',
  'something',
  'stuff',
  'unknown',
  'image',
  'picture',
  'photo',
  'it',
  'this',
  'that',
  'none',
  'nothing',
  'sorry',
  'i',
  'not',
  'sure',
])
const ARTICLES = /^(?:this is |it is |it's |there is |a |an |the |some )+/

/**
 * A short lower-case noun phrase (1–3 words: "mug", "coffee mug") from an answer to "what is this
 * object?", or undefined when the answer is empty, vague ("an object", "I don't know") or a
 * sentence rather than a name.
 */
export function objectNoun(text: string): string | undefined {
  let phrase = tidyAnswer(text).toLowerCase()
  phrase = phrase.split(/[.,;:!?\n(]/)[0].trim()
  phrase = phrase.replace(ARTICLES, '').trim()
  if (!/^[a-z][a-z -]*$/.test(phrase)) return undefined
  const words = phrase.split(' ').filter(Boolean)
  if (words.length === 0 || words.length > 3) return undefined
  if (words.every((word) => VAGUE_WORDS.has(word))) return undefined
  return words.join(' ')
}
