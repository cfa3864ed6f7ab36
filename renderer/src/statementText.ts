/**
 * Tells a statement to verify ("the mug is left of the laptop") from a question to answer ("is the mug left of the
 * laptop?", "how far is …"), so the Ask box sends each where it belongs (`qa:verify` or `qa:reason`).
 */

/** Words a question or command starts with; a statement starts with its subject ("the mug …", "a cat …"). */
const QUESTION_STARTS = new Set([
  'is',
  'are',
  'was',
  'were',
  'does',
  'do',
  'did',
  'can',
  'could',
  'will',
  'would',
  'should',
  'has',
  'have',
  'how',
  'what',
  'which',
  'where',
  'who',
  'whom',
  'whose',
  'why',
  'when',
  'if',
  'count',
  'list',
  'show',
  'find',
  'measure',
  'compare',
  'tell',
  'name',
  'describe',
  'give',
  'rank',
  'sort',
  'verify',
  'check',
])

/**
 * True for a declarative sentence with a linking verb ("X is … Y", "X are … Y"): not ending in "?", not starting
 * with a question word or a command, and at least three words.
 */
export function isStatement(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.endsWith('?')) return false
  const words = trimmed.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length < 3 || QUESTION_STARTS.has(words[0])) return false
  return words
    .slice(1, -1)
    .some((w) => w === 'is' || w === 'are' || w === "isn't" || w === "aren't")
}
