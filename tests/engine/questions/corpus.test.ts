import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { answerSchema } from '../../../main/contract/answerSchema'
import { answerQuestion } from '../../../main/engine/answers'
import { parseQuery } from '../../../main/engine/questions/parse'
import { referenceScore } from '../../../main/engine/questions/references'
import { loadGroundTruth, sceneFromGroundTruth } from '../answers/sceneFromGroundTruth'

/** One phrasing; expected values come from makeCorpus.py, computed from the ground-truth JSON alone. */
interface CorpusEntry {
  q: string
  parse: Record<string, unknown>
  kind: string
  value: number | boolean | string
  askedUnit?: string
  textHas?: string
}

const corpus = JSON.parse(
  readFileSync(fileURLToPath(new URL('./corpus.json', import.meta.url)), 'utf8'),
) as CorpusEntry[]
const scene = sceneFromGroundTruth(loadGroundTruth())

describe('question corpus on the synthetic tabletop ground truth', () => {
  it('has at least 200 phrasings', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200)
  })
  for (const e of corpus) {
    it(e.q, () => {
      const parsed = parseQuery(e.q, (p) => referenceScore(scene, p))
      expect(parsed).toMatchObject(e.parse)
      const a = answerQuestion(scene, e.q)
      expect(a.kind, a.text).toBe(e.kind)
      if (typeof e.value === 'number' && !Number.isInteger(e.value))
        expect(a.value as number).toBeCloseTo(e.value, 6)
      else expect(a.value).toBe(e.value)
      expect(a.provenance.method.length).toBeGreaterThan(10)
      expect(a.detail?.ignored).toBeUndefined()
      // The contract validates every answer kind and unit the grammar produces.
      expect(answerSchema.safeParse(a).success).toBe(true)
      if (e.askedUnit) {
        expect(a.detail?.askedUnit).toBe(e.askedUnit)
        expect(a.text).toContain(e.textHas)
      }
    })
  }
})
