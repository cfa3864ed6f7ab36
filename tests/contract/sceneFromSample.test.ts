import { describe, expect, it } from 'vitest'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'
import { answerQuestion } from '../../main/engine/answers/answerQuestion'
import { generateSamples } from '../../main/synth/generateSamples'
import { sceneFromSample } from '../../main/contract/sceneFromSample'
import { synthSampleSchema } from '../../main/contract/synthSchema'

describe('sceneFromSample', () => {
  it('rebuilds from the stored scene alone a scene that answers every sample question as the dataset says', () => {
    const scene = sceneFromGroundTruth(loadGroundTruth('320x240'))
    const context = { jobId: 'fx', image: 'images/fx.png', frame: 'f.png', points: '', seed: 11 }
    const { samples } = generateSamples(scene, context, {
      minPoints: 0,
      requirePlane: true,
      minObjects: 2,
      maxPairs: 6,
    })
    expect(samples.length).toBeGreaterThan(100)
    // Through JSON, as a reader of the dataset gets it.
    const stored = synthSampleSchema.parse(JSON.parse(JSON.stringify(samples[0]))).scene
    const rebuilt = sceneFromSample(stored)
    expect(rebuilt.objects.map((o) => o.name)).toEqual(scene.objects.map((o) => o.name))
    for (const sample of samples) {
      const answer = answerQuestion(rebuilt, sample.conversations[0].value.replace('<image>\n', ''))
      const value = sample.answer.number ?? sample.answer.bool ?? sample.answer.name
      if (typeof value === 'number') expect(answer.value as number, sample.id).toBeCloseTo(value, 9)
      else expect(answer.value, sample.id).toBe(value)
    }
  })
})
