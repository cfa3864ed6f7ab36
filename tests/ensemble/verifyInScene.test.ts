import { describe, expect, it } from 'vitest'
import { verifyInScene } from '../../main/ensemble/verifyInScene'
import type { RelationClassifier } from '../../main/inference/models/viltVsr'
import { loadGroundTruth } from '../helpers/syntheticTabletop'
import { sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'

const scene = sceneFromGroundTruth(loadGroundTruth('640x480'))
scene.objects.forEach((o) => {
  o.name = o.name.replace('_', ' ')
  o.label = o.name
})
const [a, b] = scene.objects.map((o) => o.name)
const image = { width: 4, height: 4, data: new Uint8Array(48) }

/** A classifier that answers one probability and records the captions it was asked. */
function fixedClassifier(probabilityTrue: number, asked: string[]): RelationClassifier {
  return {
    modelId: 'vilt-vsr',
    classify: async (_image, caption) => {
      asked.push(caption)
      return { probabilityTrue, logits: [0, 0], provider: 'cpu', inferenceMs: 0 }
    },
  }
}

describe('verifyInScene with the ViLT classifier', () => {
  it('adds a "vilt" vote with the classifier probability when it is installed', async () => {
    const asked: string[] = []
    const result = await verifyInScene(scene, `the ${a} is left of the ${b}`, {
      classifier: { model: fixedClassifier(0.9, asked), image },
    })
    const vilt = result.votes.find((v) => v.voterId === 'vilt')
    expect(vilt).toMatchObject({ verdict: 'true' })
    expect(vilt!.confidence).toBeCloseTo(0.9, 12)
    expect(asked).toEqual([`The ${a} is left of the ${b}.`])
  })

  it('has no "vilt" vote without it', async () => {
    const result = await verifyInScene(scene, `the ${a} is left of the ${b}`)
    expect(result.votes.map((v) => v.voterId)).not.toContain('vilt')
  })
})
