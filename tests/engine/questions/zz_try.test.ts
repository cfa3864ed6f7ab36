import { it } from 'vitest'
import { answerQuestion } from '../../../main/engine/answers'
import { loadGroundTruth, sceneFromGroundTruth } from '../answers/sceneFromGroundTruth'
it('try', () => {
  const scene = sceneFromGroundTruth(loadGroundTruth())
  for (const q of (process.env.QS ?? '').split('|')) {
    const a = answerQuestion(scene, q)
    console.log(q, '=>', a.kind, a.value, '|', a.text)
  }
})
