import { describe, expect, it } from 'vitest'
import type { ReasoningResultJson, ReasoningStepJson } from '../../../main/contract/reasoningSchema'
import {
  startedRun,
  withCancelling,
  withResult,
  withStep,
} from '../../../renderer/src/state/reasoningRun'

const step = (index: number, text: string) =>
  ({ index, kind: 'thought', text, ms: 1, atMs: index }) as ReasoningStepJson

describe('reasoning run updates', () => {
  it('starts with the trimmed question and nothing else', () => {
    expect(startedRun('q-1', 'scene-1', '  how far is the cup?  ')).toEqual({
      requestId: 'q-1',
      sceneId: 'scene-1',
      question: 'how far is the cup?',
      steps: [],
      result: null,
      isCancelling: false,
    })
  })

  it('puts streamed steps at their index, whatever order they arrive in', () => {
    let run = startedRun('q-1', 's', 'q')
    run = withStep(run, 'q-1', step(1, 'second'))!
    run = withStep(run, 'q-1', step(0, 'first'))!
    expect(run.steps.map((s) => s.text)).toEqual(['first', 'second'])
  })

  it("ignores another request's steps and steps after the result", () => {
    const run = startedRun('q-1', 's', 'q')
    expect(withStep(run, 'q-2', step(0, 'other'))).toBe(run)
    const result = { steps: [step(0, 'final')] } as ReasoningResultJson
    const done = withResult(run, 'q-1', result)!
    expect(done.result).toBe(result)
    expect(done.steps).toEqual([step(0, 'final')])
    expect(withStep(done, 'q-1', step(1, 'late'))).toBe(done)
    expect(withStep(null, 'q-1', step(0, 'x'))).toBeNull()
  })

  it("keeps a newer run when an older request's result or cancel arrives", () => {
    const newer = startedRun('q-2', 's', 'q')
    expect(withResult(newer, 'q-1', { steps: [] } as unknown as ReasoningResultJson)).toBe(newer)
    expect(withCancelling(newer, 'q-1')).toBe(newer)
    expect(withCancelling(newer, 'q-2')?.isCancelling).toBe(true)
  })
})
