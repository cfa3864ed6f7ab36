import { describe, expect, it } from 'vitest'
import { answerQuestion, depthOf, extentOf, volumeOf, widthOf } from '../../../main/engine/answers'
import type { AmodalBox, Scene, SceneObject } from '../../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth } from './sceneFromGroundTruth'

/**
 * Size answers measure the full-object (amodal) box when an object has one, and say so; the visible box stays
 * available. The scene is the synthetic ground truth, with the laptop's visible box cut to a 5 cm deep sliver (as a
 * front view would see it) and a hand-made amodal box of its true 30 × 20 × 4 cm.
 */
function sceneWithSliver(): { scene: Scene; laptop: SceneObject; amodal: AmodalBox } {
  const scene = sceneFromGroundTruth(loadGroundTruth())
  const laptop = scene.objects.find((o) => o.name === 'laptop')!
  const amodal: AmodalBox = {
    centerInWorld: [...laptop.centerInWorld],
    centerInCamera: [...laptop.centerInCamera],
    sizeM: { ...laptop.sizeM },
    yawRad: laptop.yawRad,
    sizeIntervalM: { width: [0.3, 0.31], depth: [0.05, 0.42], height: [0.04, 0.04] },
    method: 'box faces; depth: hidden side carved',
  }
  laptop.sizeM = { ...laptop.sizeM, depth: 0.05 }
  laptop.amodal = amodal
  return { scene, laptop, amodal }
}

describe('size answers use the full-object box by default', () => {
  it('depth: the amodal 20 cm, saying it is an estimate, with the range and the visible 5 cm', () => {
    const { scene, laptop } = sceneWithSliver()
    const answer = depthOf(scene, laptop)
    expect(answer.value).toBeCloseTo(0.2, 12)
    expect(answer.text).toBe(
      'The laptop is 20 cm deep (full-object estimate, plausible 5 cm–42 cm; visible extent 5 cm).',
    )
    expect(answer.provenance.method).toMatch(
      /^full-object estimate \(box faces; depth: hidden side carved\)/,
    )
    expect(answer.provenance.method).toContain('visible extent 5 cm')
    const geometry = answer.geometry
    if (geometry?.kind !== 'segment') throw new Error('expected a segment')
    expect(geometry.lengthM).toBeCloseTo(0.2, 12)
  })

  it('keeps the visible box on request', () => {
    const { scene, laptop } = sceneWithSliver()
    const answer = depthOf(scene, laptop, undefined, { box: 'visible' })
    expect(answer.value).toBeCloseTo(0.05, 12)
    expect(answer.text).toBe('The laptop is 5 cm deep (depth of its fitted box).')
    expect(extentOf(scene, laptop, 'depth', 'how deep', { box: 'visible' }).value).toBeCloseTo(
      0.05,
      12,
    )
  })

  it('volume: 30 × 20 × 4 cm = 2.4 L from the amodal box, the visible 0.6 L named', () => {
    const { scene, laptop } = sceneWithSliver()
    const answer = volumeOf(scene, laptop)
    expect(answer.value as number).toBeCloseTo(0.3 * 0.2 * 0.04, 12)
    expect(answer.text).toContain('full-object box')
    expect(answer.text).toContain('the visible box is 600 cm³')
    expect(volumeOf(scene, laptop, undefined, { box: 'visible' }).value as number).toBeCloseTo(
      0.3 * 0.05 * 0.04,
      12,
    )
  })

  it('falls back to the visible box (and its old wording) for an object without an amodal estimate', () => {
    const { scene } = sceneWithSliver()
    const mug = scene.objects.find((o) => o.name === 'mug')!
    expect(widthOf(scene, mug).text).toBe('The mug is 9 cm wide (width of its fitted box).')
  })

  it('the question path answers from the amodal box too', () => {
    const { scene } = sceneWithSliver()
    const answer = answerQuestion(scene, 'how deep is the laptop')
    expect(answer.value).toBeCloseTo(0.2, 12)
    expect(answer.text).toContain('full-object estimate')
  })
})
