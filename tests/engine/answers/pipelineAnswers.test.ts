import { describe, expect, it } from 'vitest'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { answerQuestion } from '../../../main/engine/answers/answerQuestion'
import type { RegionPrompt } from '../../../main/engine/types'
import { loadGroundTruth, loadSyntheticFrame } from '../../helpers/syntheticTabletop'
import { sceneFromGroundTruth } from './sceneFromGroundTruth'

/**
 * Every template answer type, asked of the scene we lift from the 640×480 synthetic frame and of
 * the exact ground-truth scene: quantities must agree within a tolerance, yes/no and choices must
 * agree wherever the ground truth is not a near-tie.
 */
const gt = loadGroundTruth('640x480')
const nameOf = (gtName: string) => gtName.replace('_', ' ')
const regions: RegionPrompt[] = gt.objects.map((o) => {
  const [x, y, z] = o.centre_camera
  return {
    label: nameOf(o.name),
    point: [Math.round(525 * (x / z) + 319.5), Math.round(525 * (y / z) + 239.5)],
  }
})
const lifted = buildScene(loadSyntheticFrame('640x480'), { regions })
const truth = sceneFromGroundTruth(gt)
truth.objects.forEach((o) => {
  o.name = nameOf(o.name)
  o.label = o.name
})

const names = gt.objects.map((o) => nameOf(o.name))
const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as const))

const quantityTemplates: [string, number][] = [
  ['how far is the A from the B', 0.02],
  ['what is the horizontal distance between the A and the B', 0.02],
  ['what is the vertical distance between the A and the B', 0.015],
  ['what is the gap between the A and the B', 0.025],
]
const yesNoTemplates = [
  'is the A left of the B',
  'is the A right of the B',
  'is the A above the B',
  'is the A below the B',
  'is the A in front of the B',
  'is the A behind the B',
  'is the A wider than the B',
  'is the A thinner than the B',
  'is the A bigger than the B',
  'is the A smaller than the B',
  'is the A taller than the B',
  'is the A shorter than the B',
]
const choiceTemplates = [
  'which is more to the left, the A or the B',
  'which is more to the right, the A or the B',
  'which is taller, the A or the B',
  'which is shorter, the A or the B',
  'which is bigger, the A or the B',
]

describe('template answers on the lifted scene agree with the ground-truth scene', () => {
  it('finds every prompted object', () => {
    expect(lifted.objects.map((o) => o.name).sort()).toEqual([...names].sort())
  })

  it.each(quantityTemplates)('%s (within tolerance)', (template, toleranceM) => {
    for (const [a, b] of pairs) {
      const question = template.replace('A', a).replace('B', b)
      const ours = answerQuestion(lifted, question)
      const exact = answerQuestion(truth, question)
      expect(ours.unit, question).toBe('m')
      expect(Math.abs((ours.value as number) - (exact.value as number)), question).toBeLessThan(
        toleranceM,
      )
    }
  })

  it('width, height and depth of every object (within 2 cm)', () => {
    for (const name of names) {
      for (const template of ['how wide is the A', 'how tall is the A']) {
        const question = template.replace('A', name)
        const ours = answerQuestion(lifted, question).value as number
        const exact = answerQuestion(truth, question).value as number
        expect(Math.abs(ours - exact), question).toBeLessThan(0.02)
      }
      // Depth extent: boxes may swap width and depth when their yaw is near 45°; compare the footprint.
      const footprint = (scene: typeof lifted) => {
        const o = scene.objects.find((x) => x.name === name)!
        return [o.sizeM.width, o.sizeM.depth].sort()
      }
      const [ours0, ours1] = footprint(lifted)
      const [exact0, exact1] = footprint(truth)
      expect(Math.abs(ours0 - exact0)).toBeLessThan(0.02)
      expect(Math.abs(ours1 - exact1)).toBeLessThan(0.02)
    }
  })

  it('clock directions agree within one hour', () => {
    for (const [a, b] of pairs) {
      const question = `where is the ${b} relative to the ${a}`
      const ours = answerQuestion(lifted, question).value as number
      const exact = answerQuestion(truth, question).value as number
      const difference = Math.min(Math.abs(ours - exact), 12 - Math.abs(ours - exact))
      expect(difference, question).toBeLessThanOrEqual(1)
    }
  })

  it('yes/no and choice answers agree except for near-ties', () => {
    let compared = 0
    for (const [a, b] of pairs) {
      for (const template of [...yesNoTemplates, ...choiceTemplates]) {
        const question = template.replace('A', a).replace('B', b)
        const exact = answerQuestion(truth, question)
        const detail = exact.detail as { valueA?: number; valueB?: number } | undefined
        // Skip pairs whose deciding quantities differ by less than our measurement error.
        if (detail?.valueA !== undefined && detail.valueB !== undefined) {
          const scale = Math.max(Math.abs(detail.valueA), Math.abs(detail.valueB), 1e-9)
          const isVolume = /bigger|smaller/.test(template)
          if (Math.abs(detail.valueA - detail.valueB) < (isVolume ? 0.25 * scale : 0.02)) continue
        }
        if (exact.value === null) continue
        expect(answerQuestion(lifted, question).value, question).toEqual(exact.value)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(150)
  })

  it('fits-between answers agree when the width is clearly below or above the free gap', () => {
    for (const [a, b] of pairs) {
      const exact = answerQuestion(truth, `can a 1 cm object fit between the ${a} and the ${b}`)
      const gapM = (exact.detail as { gapM?: number } | undefined)?.gapM
      if (gapM === undefined || gapM < 0.06) continue
      const small = Math.round((gapM - 0.04) * 100)
      const large = Math.round((gapM + 0.04) * 100)
      expect(
        answerQuestion(lifted, `can a ${small} cm gripper fit between the ${a} and the ${b}`).value,
      ).toBe(true)
      expect(
        answerQuestion(lifted, `can a ${large} cm gripper fit between the ${a} and the ${b}`).value,
      ).toBe(false)
    }
  })
})
