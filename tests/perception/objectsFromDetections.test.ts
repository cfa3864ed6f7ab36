import { describe, expect, it } from 'vitest'
import {
  detectionsToRegions,
  isSameObject,
  maskBoxIou,
} from '../../main/engine/scene/objectsFromDetections'
import type { Detection } from '../../main/engine/perception/types'
import type { RegionPrompt } from '../../main/engine/types'

function det(
  label: string,
  score: number,
  box: [number, number, number, number],
  classId = 0,
): Detection {
  return { label, classId, score, box }
}

const labelsOf = (regions: RegionPrompt[]) => regions.map((r) => r.label)

describe('detectionsToRegions', () => {
  it('turns detections into box prompts labelled with the class, best first, dropping low scores and tiny boxes', () => {
    const regions = detectionsToRegions(
      [
        det('cup', 0.5, [10, 10, 40, 50]),
        det('laptop', 0.9, [100, 100, 300, 250]),
        det('bottle', 0.2, [300, 10, 330, 90]),
        det('mouse', 0.8, [400, 400, 403, 420]),
      ],
      [],
    )
    expect(regions).toEqual([
      { label: 'laptop', box: [100, 100, 300, 250], source: 'detector', score: 0.9 },
      { label: 'cup', box: [10, 10, 40, 50], source: 'detector', score: 0.5 },
    ])
    expect(
      labelsOf(
        detectionsToRegions([det('bottle', 0.2, [300, 10, 330, 90])], [], { minScore: 0.1 }),
      ),
    ).toEqual(['bottle'])
  })

  it('lets user boxes win: a detection overlapping one by IoU > 0.5 is dropped, a smaller overlap is kept', () => {
    const user: RegionPrompt[] = [{ label: 'my mug', box: [10, 10, 40, 50] }]
    // IoU([10,10,40,50], [12,10,42,50]) = 28·40 / (2·1200 − 1120) = 0.875 → dropped.
    // IoU([10,10,40,50], [25,10,55,50]) = 15·40 / (2400 − 600) = 1/3 → kept.
    const regions = detectionsToRegions(
      [det('cup', 0.9, [12, 10, 42, 50]), det('bowl', 0.6, [25, 10, 55, 50])],
      user,
    )
    expect(labelsOf(regions)).toEqual(['my mug', 'bowl'])
    expect(regions[0]).toBe(user[0])
  })

  it('for a user point, drops the smallest detection containing it (the cup, not the table under it)', () => {
    const regions = detectionsToRegions(
      [
        det('dining table', 0.7, [0, 100, 600, 400]),
        det('cup', 0.6, [200, 150, 240, 200]),
        det('book', 0.5, [400, 150, 480, 200]),
      ],
      [{ label: 'that', point: [220, 170] }],
    )
    expect(labelsOf(regions)).toEqual(['that', 'dining table', 'book'])
  })

  it('for a user mask, compares the mask with the box pixel by pixel', () => {
    const mask = new Uint8Array(100 * 100)
    for (let v = 20; v < 60; v++) for (let u = 20; u < 60; u++) mask[v * 100 + u] = 1
    const regions = detectionsToRegions(
      [det('book', 0.8, [20, 20, 60, 60]), det('cup', 0.8, [50, 50, 90, 90])],
      [{ label: 'mine', mask, maskWidth: 100, maskHeight: 100 }],
    )
    expect(labelsOf(regions)).toEqual(['mine', 'cup'])
  })

  it('merges duplicates of one object and keeps the best-scoring box', () => {
    const regions = detectionsToRegions(
      [
        det('laptop', 0.6, [100, 100, 300, 250]),
        // Same class, IoU 28500 / 31900 = 0.89 → merged.
        det('laptop', 0.5, [110, 100, 300, 260]),
        // Same class, a part wholly inside → merged.
        det('laptop', 0.45, [120, 120, 180, 200]),
        // Another class with a near-identical box (IoU 0.95) → one object seen as two classes.
        det('tv', 0.55, [100, 100, 300, 243]),
        // Another class inside the laptop box (a sticker "book") → a different object, kept.
        det('book', 0.4, [150, 150, 200, 200]),
        // Two bottles side by side → both kept.
        det('bottle', 0.5, [400, 10, 420, 80]),
        det('bottle', 0.49, [422, 10, 442, 80]),
      ],
      [],
    )
    expect(regions).toEqual([
      { label: 'laptop', box: [100, 100, 300, 250], source: 'detector', score: 0.6 },
      { label: 'bottle', box: [400, 10, 420, 80], source: 'detector', score: 0.5 },
      { label: 'bottle', box: [422, 10, 442, 80], source: 'detector', score: 0.49 },
      { label: 'book', box: [150, 150, 200, 200], source: 'detector', score: 0.4 },
    ])
  })

  it('bounds the number of detection regions, keeping the best', () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      det('bottle', 0.5 + i * 0.01, [i * 30, 0, i * 30 + 20, 60]),
    )
    const regions = detectionsToRegions(many, [], { maxRegions: 3 })
    expect(regions.map((r) => ('box' in r ? r.box[0] : -1))).toEqual([270, 240, 210])
  })
})

describe('isSameObject', () => {
  const options = { sameClassIou: 0.5, sameClassContainment: 0.85, crossClassIou: 0.8 }
  it('needs a high IoU across classes and a moderate one within a class', () => {
    // IoU([0,0,10,10], [0,0,10,13]) = 100 / 130 = 0.77.
    expect(
      isSameObject(det('cup', 1, [0, 0, 10, 10]), det('cup', 1, [0, 0, 10, 13]), options),
    ).toBe(true)
    expect(
      isSameObject(det('cup', 1, [0, 0, 10, 10]), det('bowl', 1, [0, 0, 10, 13]), options),
    ).toBe(false)
    expect(
      isSameObject(det('cup', 1, [0, 0, 10, 10]), det('bowl', 1, [0, 0, 10, 11]), options),
    ).toBe(true)
  })
})

describe('maskBoxIou', () => {
  it('counts mask pixels whose centres lie inside the box', () => {
    const mask = new Uint8Array(16)
    for (const [u, v] of [
      [1, 1],
      [2, 1],
      [1, 2],
      [2, 2],
    ])
      mask[v * 4 + u] = 1
    const region = { mask, maskWidth: 4, maskHeight: 4 }
    expect(maskBoxIou(region, [1, 1, 3, 3])).toBe(1)
    // Box covers pixels (1,1), (1,2): intersection 2, union 4 + 2 − 2.
    expect(maskBoxIou(region, [1, 1, 2, 3])).toBe(0.5)
    expect(maskBoxIou(region, [3, 3, 4, 4])).toBe(0)
  })
})
