import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../main/engine/answers'
import { engineSceneFromEval } from '../../../main/reasoning/eval/evalEngineScene'
import { loadEvalScenes } from '../../../main/reasoning/eval/evalScenes'
import type { EvalItem } from '../../../main/reasoning/eval/evalTypes'

// The chain-of-thought evaluation's expected values are computed from ground truth by its own reference geometry
// (evalGeometry.ts); here the deterministic grammar answers the kinds it covers without an LLM.
const root = process.cwd()
const items = JSON.parse(
  readFileSync(join(root, 'main/reasoning/eval/evalSet.json'), 'utf8'),
) as EvalItem[]
const scenes = new Map(
  loadEvalScenes(join(root, 'tests/fixtures')).map((s) => [s.id, engineSceneFromEval(s)]),
)

describe('the grammar on the evaluation set (no LLM)', () => {
  for (const item of items.filter(
    (i) => i.kind === 'closest_object' || i.kind === 'distance_difference',
  )) {
    it(`${item.scene}: ${item.question}`, () => {
      const scene = scenes.get(item.scene)
      if (!scene) throw new Error(item.scene)
      const a = answerQuestion(scene, item.question)
      if (item.kind === 'closest_object') {
        expect(a.kind, a.text).toBe('superlative')
        expect(a.value).toBe(item.expected.label)
        expect(a.detail?.valueA as number).toBeCloseTo(item.expected.value, 3)
      } else {
        expect(a.kind, a.text).toBe('difference')
        expect(a.value as number).toBeCloseTo(item.expected.value, 3)
      }
      expect(a.detail?.ignored).toBeUndefined()
    })
  }
})
