/** How a box (and its label's rank) is emphasised; buildObjectBox's BoxEmphasis. */
export type Emphasis = 'normal' | 'answer' | 'hover'

/** What the view emphasises: the hovered and selected objects, and those an answer or a measurement names. */
export interface EmphasisState {
  hoveredName: string | null
  selectedName: string | null
  answerNames: ReadonlySet<string>
  measureNames: ReadonlySet<string>
}

/** How an object's box is drawn: hover wins over being named by an answer or a measurement. */
export function boxEmphasisOf(name: string, state: EmphasisState): Emphasis {
  if (name === state.hoveredName) return 'hover'
  if (state.answerNames.has(name) || state.measureNames.has(name)) return 'answer'
  return 'normal'
}

/** The emphasis its label is ranked by: the selected object's label ranks like a hovered one. */
export function labelEmphasisOf(name: string, state: EmphasisState): Emphasis {
  const emphasis = boxEmphasisOf(name, state)
  return emphasis === 'hover' || name === state.selectedName ? 'hover' : emphasis
}
