import { describe, expect, it } from 'vitest'
import { answerFromText, runEval, scoreAnswer } from '../../../main/reasoning/eval/scoreEval.js'
import type { EvalAnswer, EvalItem } from '../../../main/reasoning/eval/evalTypes.js'

const distanceItem: EvalItem = {
  id: 'a',
  scene: 'synthetic-640x480',
  question: 'How far?',
  kind: 'what_if_move_distance',
  expected: { value: 0.3, unit: 'm' },
}
const closestItem: EvalItem = {
  id: 'b',
  scene: 'synthetic-640x480',
  question: 'Closest?',
  kind: 'closest_object',
  expected: { value: 0.2256, unit: 'm', label: 'small box' },
}
const countItem: EvalItem = {
  id: 'c',
  scene: 'synthetic-640x480',
  question: 'How many?',
  kind: 'fit_side_by_side',
  expected: { value: 4, unit: 'count' },
}

describe('scoreAnswer', () => {
  it.each([
    [{ value: 0.3, unit: 'm' }, true, true],
    [{ value: 32, unit: 'cm' }, true, true],
    [{ value: 330, unit: 'mm' }, true, true],
    [{ value: 0.34, unit: 'm' }, true, false],
    [{ value: 0.6, unit: 'm' }, true, false],
    [{ value: 0.61, unit: 'm' }, false, false],
    [{ value: 0.15, unit: 'm' }, true, false],
    [{ value: 0.149, unit: 'm' }, false, false],
    [{ value: 1, unit: 'ft' }, true, true],
    [{ value: 0.3, unit: 'kg' }, false, false],
    [{ value: null }, false, false],
  ] as [EvalAnswer, boolean, boolean][])(
    '%o → within 2×: %s, within 10 %%: %s',
    (answer, within2x, within10) => {
      const result = scoreAnswer(distanceItem, answer)
      expect(result.isWithin2x).toBe(within2x)
      expect(result.isWithin10Percent).toBe(within10)
    },
  )

  it('requires the expected object to be named for closest-object questions', () => {
    expect(
      scoreAnswer(closestItem, { value: 0.22, unit: 'm', label: 'small_box' }).isWithin10Percent,
    ).toBe(true)
    expect(
      scoreAnswer(closestItem, { value: 0.22, unit: 'm', text: 'The Small Box, 22 cm away' })
        .isWithin2x,
    ).toBe(true)
    const wrong = scoreAnswer(closestItem, { value: 0.22, unit: 'm', label: 'mug' })
    expect(wrong.isLabelCorrect).toBe(false)
    expect(wrong.isWithin2x).toBe(false)
  })

  it('takes counts and ratios without a length unit', () => {
    expect(scoreAnswer(countItem, { value: 4 }).isWithin10Percent).toBe(true)
    expect(scoreAnswer(countItem, { value: 3, unit: 'count' }).isWithin10Percent).toBe(false)
    expect(scoreAnswer(countItem, { value: 3, unit: 'count' }).isWithin2x).toBe(true)
    expect(scoreAnswer(countItem, { value: 4, unit: 'm' }).ratio).toBeNull()
  })
})

describe('answerFromText', () => {
  it('reads the first number and its unit from prose', () => {
    expect(answerFromText('About 24 cm, after the move.')).toMatchObject({ value: 24, unit: 'cm' })
    expect(answerFromText('0.52 metres')).toMatchObject({ value: 0.52, unit: 'metres' })
    expect(answerFromText('4 cans fit')).toMatchObject({ value: 4, unit: '' })
    expect(answerFromText('I cannot tell.')).toMatchObject({ value: null })
    expect(scoreAnswer(distanceItem, answerFromText('0.31 meters')).isWithin10Percent).toBe(true)
  })
})

describe('runEval', () => {
  it('reports success rates per kind and overall with an injected answer function', async () => {
    const items = [distanceItem, closestItem, countItem]
    const answers: Record<string, EvalAnswer> = {
      a: { value: 0.45, unit: 'm' }, // 1.5×: within 2× only
      b: { value: 22.5, unit: 'cm', label: 'small box' }, // within 10 %
    }
    const seen: string[] = []
    const report = await runEval(
      items,
      async (item) => {
        if (item.id === 'c') throw new Error('LLM timed out')
        return answers[item.id]
      },
      { onResult: (r, i, n) => seen.push(`${r.id} ${i + 1}/${n}`) },
    )
    expect(seen).toEqual(['a 1/3', 'b 2/3', 'c 3/3'])
    expect(report.perKind.what_if_move_distance).toMatchObject({
      count: 1,
      within2x: 1,
      within10Percent: 0,
      rate2x: 1,
      rate10Percent: 0,
    })
    expect(report.perKind.closest_object).toMatchObject({ count: 1, rate2x: 1, rate10Percent: 1 })
    expect(report.perKind.fit_side_by_side).toMatchObject({ count: 1, rate2x: 0 })
    expect(report.perKind.stack_height).toMatchObject({ count: 0, rate2x: 0 })
    expect(report.overall).toMatchObject({ count: 3, within2x: 2, within10Percent: 1 })
    expect(report.results[2].error).toBe('LLM timed out')
  })

  it('stops asking once the signal is aborted', async () => {
    const controller = new AbortController()
    const report = await runEval(
      [distanceItem, countItem],
      async () => {
        controller.abort()
        return { value: 0.3, unit: 'm' }
      },
      { signal: controller.signal },
    )
    expect(report.results.map((r) => r.id)).toEqual(['a'])
  })
})
