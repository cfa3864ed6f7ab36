/** The depth choices: auto, none, and the current model when it is another (a named one). */
export function depthChoicesFor(depthModel: string): string[] {
  return ['auto', 'none', depthModel].filter((choice, index, all) => all.indexOf(choice) === index)
}

/** How a depth choice reads in the select. */
export function depthChoiceLabel(choice: string): string {
  if (choice === 'auto') return 'Auto (installed depth model)'
  return choice === 'none' ? 'None' : choice
}

/** A typed minimum detection score, or null when it is empty or outside 0–1 (the input is ignored). */
export function parseMinScore(text: string): number | null {
  const score = Number(text)
  return text.trim() && score >= 0 && score <= 1 ? score : null
}
