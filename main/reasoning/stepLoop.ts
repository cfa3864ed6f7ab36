/**
 * The step loop of a reasoning run: ask the model, take its turn, until it gives a final answer or
 * the step limit is reached; then the consistency guard checks the answer (one repair round).
 */

import { guardAnswer, type ConsistencyCheck } from './guard'
import { restateAnswer, takeTurn, type TurnContext } from './modelTurns'

/** How the loop ended: the answer to give, why, and the guard's checks. */
export interface LoopOutcome {
  answer: string
  stopReason: 'final' | 'step_limit'
  checks: ConsistencyCheck[]
}

/** The model's final text, or null when `maxSteps` model calls gave none. */
export async function runSteps(context: TurnContext, maxSteps: number): Promise<string | null> {
  let final: string | null = null
  for (let step = 0; step < maxSteps && final === null; step++) {
    final = await takeTurn(context, await context.conversation.invoke())
  }
  return final
}

/** Runs the steps, then guards the final answer; records the final (or step-limit) step. */
export async function runToAnswer(
  context: TurnContext,
  question: string,
  maxSteps: number,
): Promise<LoopOutcome> {
  const { rec, tools } = context
  const final = await runSteps(context, maxSteps)
  if (final === null) {
    const answer = `I stopped after ${maxSteps} model steps without a final answer (step limit); no answer is given.`
    rec.add({ kind: 'error', text: answer })
    return { answer, stopReason: 'step_limit', checks: [] }
  }
  const guarded = await guardAnswer(question, final, tools.tools, tools.calls, rec, (u, text) =>
    restateAnswer(context, u, text),
  )
  rec.add({ kind: 'final', text: guarded.answer })
  return { answer: guarded.answer, stopReason: 'final', checks: guarded.checks }
}
