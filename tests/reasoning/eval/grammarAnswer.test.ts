import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { engineSceneFromEval } from '../../../main/reasoning/eval/evalEngineScene.js'
import { loadEvalScenes } from '../../../main/reasoning/eval/evalScenes.js'
import { grammarEvalAnswer } from '../../../main/reasoning/eval/grammarAnswer.js'
import { runEval } from '../../../main/reasoning/eval/scoreEval.js'
import type { EvalItem } from '../../../main/reasoning/eval/evalTypes.js'

const root = process.cwd()
const items = JSON.parse(
  readFileSync(join(root, 'main/reasoning/eval/evalSet.json'), 'utf8'),
) as EvalItem[]
const scenes = new Map(
  loadEvalScenes(join(root, 'tests/fixtures')).map((s) => [s.id, engineSceneFromEval(s)]),
)

describe('the question grammar as a system under evaluation (eval cot --llm none)', () => {
  it('gets every closest-object and distance-difference item within ±10 % and declines the multi-step rest', async () => {
    const report = await runEval(items, async (item) =>
      grammarEvalAnswer(scenes.get(item.scene)!, item.question),
    )
    expect(report.perKind.closest_object.rate10Percent).toBe(1)
    expect(report.perKind.distance_difference.rate10Percent).toBe(1)
    for (const kind of [
      'what_if_move_distance',
      'clearance_after_move',
      'move_to_clear',
      'fit_side_by_side',
    ] as const) {
      // Multi-step questions: the grammar declines (no number) rather than answering a different quantity.
      expect(report.perKind[kind].rate2x).toBe(0)
    }
  })
})
