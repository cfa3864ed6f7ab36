/**
 * The deterministic grammar as a system under evaluation: answers an evaluation question with
 * {@link answerQuestion} (no LLM) and reads the number the evaluation scores. Questions the grammar does not
 * cover come back with no value, so they count as declined, never as a guess.
 */
import { answerQuestion } from '../../engine/answers/index.js'
import type { Scene } from '../../engine/types.js'
import type { EvalAnswer } from './evalTypes.js'

/** The grammar's answer to one evaluation question, as the scorer reads it. */
export function grammarEvalAnswer(scene: Scene, question: string): EvalAnswer {
  const a = answerQuestion(scene, question)
  // Superlatives name the object; the measured value of the winner is in detail.valueA (metres for distances).
  if (a.kind === 'superlative' && typeof a.value === 'string') {
    return { value: a.detail?.valueA ?? null, unit: 'm', label: a.value, text: a.text }
  }
  if (typeof a.value === 'number' && (a.unit === 'm' || a.unit === 'count')) {
    return { value: a.value, unit: a.unit, text: a.text }
  }
  return { value: null, text: a.text }
}
