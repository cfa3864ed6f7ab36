import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { SceneObject } from '../../../main/engine/types'
import {
  checkDetectorLabels,
  checkLabel,
  touchesImageBorder,
} from '../../../main/engine/scene/labelPlausibility'
import { assignUniqueNames } from '../../../main/engine/scene/naming'
import { classesWithPriors, sizePriorFor } from '../../../main/engine/scene/sizePriors'
import { parseLabelList } from '../../../main/engine/perception/cocoLabels'

/** A detector object standing `distanceM` in front of the camera; sizes in metres. */
function object(
  label: string,
  [width, depth, height]: [number, number, number],
  extra: Partial<SceneObject> = {},
): SceneObject {
  return {
    id: 0,
    name: label,
    label,
    description: label,
    origin: 'region',
    regionSource: 'detector',
    centerInWorld: [0, 1, height / 2],
    centerInCamera: [0, 0, 1],
    sizeM: { width, depth, height },
    yawRad: 0,
    pointCount: 5000,
    colorRgb: [230, 200, 40],
    pixelIndices: new Uint32Array([100 * 640 + 300]),
    ...extra,
  }
}
const VIEW = { fx: 525, isTruncated: false }

describe('size priors', () => {
  it('cover every class NanoDet-m reports, each a range with min < max', () => {
    const labels = parseLabelList(readFileSync('models/builtin/nanodet-m/coco.names', 'utf8'))
    expect(labels).toHaveLength(80)
    for (const label of labels) {
      const prior = sizePriorFor(label)
      expect(prior, label).toBeDefined()
      expect(prior!.minLargestM).toBeGreaterThan(0)
      expect(prior!.minLargestM).toBeLessThan(prior!.maxLargestM)
    }
    expect(classesWithPriors()).toHaveLength(80)
  })

  it('hold real instances of everyday sizes (product dimensions)', () => {
    const real: [string, number][] = [
      ['bed', 2.03], // US queen mattress 80 in
      ['bed', 1.32], // crib mattress
      ['cup', 0.095], // 11 oz mug
      ['chair', 0.82], // dining chair
      ['suitcase', 0.55], // IATA carry-on
      ['laptop', 0.31], // 13 in laptop
      ['bottle', 0.3], // wine bottle
      ['fire hydrant', 0.76],
      ['tv', 1.45], // 65 in TV
    ]
    for (const [label, largest] of real) {
      const prior = sizePriorFor(label)!
      expect(largest, label).toBeGreaterThanOrEqual(prior.minLargestM)
      expect(largest, label).toBeLessThanOrEqual(prior.maxLargestM)
    }
  })
})

describe('checkLabel', () => {
  it('finds a 12 cm "fire hydrant" on a table too small (the PCL mug)', () => {
    const check = checkLabel(object('fire hydrant', [0.09, 0.09, 0.12]), 0.56, VIEW)
    expect(check).toMatchObject({
      detectorLabel: 'fire hydrant',
      confidence: 0.56,
      isPlausible: false,
      hasFewPoints: false,
    })
    expect(check.note).toBe(
      'detector said "fire hydrant" (56 %), but at 12 cm it is too small for one (usually 40 cm–1.20 m)',
    )
  })

  it('finds a 1.76 m "suitcase" too big (the SUN RGB-D bed)', () => {
    const check = checkLabel(object('suitcase', [1.76, 0.81, 0.89]), 0.61, VIEW)
    expect(check.isPlausible).toBe(false)
    expect(check.note).toBe(
      'detector said "suitcase" (61 %), but at 1.76 m it is too big for one (usually 35 cm–90 cm)',
    )
  })

  it('finds a 4 × 10 × 4 cm "chair" from 58 points too small and too thin on points', () => {
    const check = checkLabel(object('chair', [0.04, 0.1, 0.04], { pointCount: 58 }), 0.39, VIEW)
    expect(check.isPlausible).toBe(false)
    expect(check.hasFewPoints).toBe(true)
    expect(check.note).toContain('at 10 cm it is too small')
    expect(check.note).toContain('and only 58 points are behind it')
  })

  it('keeps real instances: a bed, a mug-sized cup, a chair, a carry-on', () => {
    for (const [label, size] of [
      ['bed', [2.0, 1.6, 0.6]],
      ['cup', [0.08, 0.08, 0.1]],
      ['chair', [0.45, 0.5, 0.9]],
      ['suitcase', [0.55, 0.35, 0.25]],
    ] as [string, [number, number, number]][]) {
      const check = checkLabel(object(label, size, { centerInCamera: [0, 0, 2] }), 0.7, VIEW)
      expect(check, label).toEqual({
        detectorLabel: label,
        confidence: 0.7,
        isPlausible: true,
        hasFewPoints: false,
      })
    }
  })

  it('is lenient for occlusion: a chair showing only its 45 × 30 cm back above a table passes', () => {
    expect(checkLabel(object('chair', [0.45, 0.1, 0.3]), 0.5, VIEW).isPlausible).toBe(true)
    // Half the smallest chair is the limit: 24 cm is too small, 26 cm is not.
    expect(checkLabel(object('chair', [0.24, 0.1, 0.2]), 0.5, VIEW).isPlausible).toBe(false)
    expect(checkLabel(object('chair', [0.26, 0.1, 0.2]), 0.5, VIEW).isPlausible).toBe(true)
  })

  it('does not call an object cut off by the image border too small, but still too big', () => {
    const truncated = { fx: 525, isTruncated: true }
    expect(checkLabel(object('bed', [0.5, 0.4, 0.3]), 0.8, truncated).isPlausible).toBe(true)
    expect(checkLabel(object('bed', [0.5, 0.4, 0.3]), 0.8, VIEW).isPlausible).toBe(false)
    expect(checkLabel(object('cup', [0.5, 0.4, 0.3]), 0.8, truncated).isPlausible).toBe(false)
  })

  it('uses the amodal estimate\'s upper bound for "too small" when there is one', () => {
    const visible = object('fire hydrant', [0.1, 0.1, 0.15])
    expect(checkLabel(visible, 0.5, VIEW).isPlausible).toBe(false)
    const amodal = {
      centerInWorld: visible.centerInWorld,
      centerInCamera: visible.centerInCamera,
      sizeM: { width: 0.3, depth: 0.3, height: 0.4 },
      yawRad: 0,
      sizeIntervalM: {
        width: [0.1, 0.35] as [number, number],
        depth: [0.1, 0.35] as [number, number],
        height: [0.15, 0.5] as [number, number],
      },
      method: 'test',
    }
    expect(checkLabel({ ...visible, amodal }, 0.5, VIEW).isPlausible).toBe(true)
  })

  it('flags too few points for the label at its distance', () => {
    // A bed 2 m away: its smallest instance (1.2 m) spans 525 · 1.2 / 2 = 315 px; a tenth of a quarter of 315² is 2480.6 points.
    const at2m = { centerInCamera: [0, 0, 2] as [number, number, number] }
    expect(
      checkLabel(object('bed', [2, 1.5, 0.6], { ...at2m, pointCount: 2480 }), 0.6, VIEW)
        .hasFewPoints,
    ).toBe(true)
    expect(
      checkLabel(object('bed', [2, 1.5, 0.6], { ...at2m, pointCount: 2481 }), 0.6, VIEW)
        .hasFewPoints,
    ).toBe(false)
    // Under 100 points is too few for any label.
    expect(
      checkLabel(object('cup', [0.08, 0.08, 0.1], { pointCount: 99 }), 0.6, VIEW).hasFewPoints,
    ).toBe(true)
  })

  it('has no opinion on labels without a prior (open-vocabulary queries)', () => {
    expect(checkLabel(object('gripper', [5, 5, 5]), 0.4, VIEW)).toEqual({
      detectorLabel: 'gripper',
      confidence: 0.4,
      isPlausible: true,
      hasFewPoints: false,
    })
  })
})

describe('checkDetectorLabels', () => {
  it('demotes implausible labels to descriptive names that stay unique, keeping the guess in the note', () => {
    const objects = [
      object('fire hydrant', [0.09, 0.09, 0.12], { id: 0, centerInWorld: [-0.3, 1, 0.06] }),
      object('fire hydrant', [0.1, 0.08, 0.13], { id: 1, centerInWorld: [0.3, 1, 0.06] }),
      object('cup', [0.08, 0.08, 0.1], { id: 2 }),
      object('my mug', [0.08, 0.08, 0.1], { id: 3, regionSource: 'user' }),
    ]
    checkDetectorLabels(objects, [0.56, 0.41, 0.8, undefined], { width: 640, height: 480, fx: 525 })
    expect(objects.map((o) => o.label)).toEqual(['yellow object', 'yellow object', 'cup', 'my mug'])
    expect(objects[0].description).toBe('yellow object, 9 cm wide, 12 cm tall')
    expect(objects[0].labelCheck?.detectorLabel).toBe('fire hydrant')
    expect(objects[1].labelCheck?.note).toContain('detector said "fire hydrant" (41 %)')
    expect(objects[2].labelCheck).toMatchObject({ isPlausible: true, confidence: 0.8 })
    expect(objects[3].labelCheck).toBeUndefined()
    expect(assignUniqueNames(objects)).toEqual([
      'left yellow object',
      'right yellow object',
      'cup',
      'my mug',
    ])
  })
})

describe('touchesImageBorder', () => {
  it('is true for a pixel in the outer two rows or columns only', () => {
    const at = (u: number, v: number) => new Uint32Array([v * 640 + u])
    expect(touchesImageBorder(at(1, 200), 640, 480)).toBe(true)
    expect(touchesImageBorder(at(638, 200), 640, 480)).toBe(true)
    expect(touchesImageBorder(at(300, 478), 640, 480)).toBe(true)
    expect(touchesImageBorder(at(2, 2), 640, 480)).toBe(false)
    expect(touchesImageBorder(at(637, 477), 640, 480)).toBe(false)
  })
})
