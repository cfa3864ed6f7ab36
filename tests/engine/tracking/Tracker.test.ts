import { describe, expect, it } from 'vitest'
import { Tracker } from '../../../main/engine/tracking/Tracker'
import { trackedScene } from '../../../main/engine/tracking/trackedScene'
import { createRandom } from '../../../main/engine/random'
import type { Scene, Vec3 } from '../../../main/engine/types'
import { sceneWithBoxes } from '../answers/sceneFromGroundTruth'

interface Truth {
  name: string
  c: Vec3
  s: [number, number, number]
  rgb: Vec3
}

const TRUTH: Truth[] = [
  { name: 'mug', c: [0.1, 0.5, 0.05], s: [0.08, 0.08, 0.1], rgb: [200, 30, 30] },
  { name: 'bottle', c: [0.22, 0.52, 0.12], s: [0.07, 0.07, 0.24], rgb: [30, 60, 200] },
  { name: 'box', c: [-0.2, 0.7, 0.06], s: [0.2, 0.15, 0.12], rgb: [180, 160, 90] },
]

/** One frame: the truth with Gaussian-ish jitter (uniform sum), in a shuffled order, optionally without some. */
function frame(
  rand: () => number,
  sigmaM: number,
  skip: string[] = [],
  offset: Vec3 = [0, 0, 0],
): Scene {
  const noise = () => (rand() + rand() + rand() - 1.5) * 2 * sigmaM
  const kept = TRUTH.filter((t) => !skip.includes(t.name))
  const order = kept.map((t) => ({ t, k: rand() })).sort((a, b) => a.k - b.k)
  const scene = sceneWithBoxes(
    order.map(({ t }) => ({
      name: `object ${Math.floor(rand() * 1000)}`, // names flicker per frame, as detector names do
      label: t.name,
      c: [t.c[0] + offset[0] + noise(), t.c[1] + offset[1] + noise(), t.c[2] + offset[2] + noise()],
      s: [t.s[0] + noise() / 2, t.s[1] + noise() / 2, t.s[2] + noise() / 2],
    })),
  )
  scene.objects.forEach((o, i) => (o.colorRgb = order[i].t.rgb))
  return scene
}

/** Track id per truth object: the track whose smoothed centre lies within 3 cm of that truth centre. */
function idByTruth(tracker: Tracker, offset: Vec3 = [0, 0, 0]): Map<string, number> {
  const out = new Map<string, number>()
  for (const t of TRUTH) {
    const c = [t.c[0] + offset[0], t.c[1] + offset[1], t.c[2] + offset[2]]
    const near = tracker
      .tracks()
      .filter((k) => Math.hypot(...k.centerInWorld.map((v, i) => v - c[i])) < 0.03)
    if (near.length === 1) out.set(t.name, near[0].id)
  }
  return out
}

describe('Tracker', () => {
  it('keeps ids and names stable under jitter and shuffled detection order', () => {
    const rand = createRandom(7)
    const tracker = new Tracker()
    tracker.update(frame(rand, 0.01))
    const first = idByTruth(tracker)
    expect(first.size).toBe(3)
    const names = new Map(tracker.tracks().map((t) => [t.id, t.name]))
    for (let i = 0; i < 20; i++) {
      tracker.update(frame(rand, 0.01))
      expect(idByTruth(tracker)).toEqual(first)
      expect(tracker.tracks()).toHaveLength(3)
      for (const t of tracker.tracks()) expect(t.name).toBe(names.get(t.id))
    }
  })

  it('follows a slow drift (1 cm per frame) without new ids', () => {
    const rand = createRandom(3)
    const tracker = new Tracker()
    tracker.update(frame(rand, 0.003))
    const first = idByTruth(tracker)
    expect(first.size).toBe(3)
    for (let i = 1; i <= 15; i++) tracker.update(frame(rand, 0.003, [], [0.01 * i, 0, 0]))
    expect(tracker.tracks()).toHaveLength(3)
    const mug = tracker.tracks().find((t) => t.id === first.get('mug'))!
    // Truth after 15 frames is 0.1 + 0.15 = 0.25 m; the constant-position filter lags by a few centimetres.
    expect(mug.centerInWorld[0]).toBeGreaterThan(0.2)
    expect(mug.centerInWorld[0]).toBeLessThan(0.26)
  })

  it('smooths: the filtered centre is closer to the truth than the single measurements', () => {
    const rand = createRandom(11)
    const tracker = new Tracker()
    let rawError = 0
    let smoothError = 0
    for (let i = 0; i < 40; i++) {
      const scene = frame(rand, 0.01)
      tracker.update(scene)
      if (i < 10) continue
      const raw = scene.objects.find((o) => o.label === 'mug')!
      const track = tracker.tracks().find((t) => t.label === 'mug')!
      rawError += Math.hypot(raw.centerInWorld[0] - 0.1, raw.centerInWorld[1] - 0.5)
      smoothError += Math.hypot(track.centerInWorld[0] - 0.1, track.centerInWorld[1] - 0.5)
      expect(track.centerSigmaM[0]).toBeGreaterThan(0)
      expect(track.centerSigmaM[0]).toBeLessThan(0.02)
    }
    expect(smoothError).toBeLessThan(rawError * 0.7)
  })

  it('confirms after two hits, coasts through short misses with the same id, and drops after maxMisses', () => {
    const rand = createRandom(5)
    const tracker = new Tracker({ confirmHits: 2, maxMisses: 3 })
    tracker.update(frame(rand, 0.002))
    expect(tracker.tracks().every((t) => !t.isConfirmed)).toBe(true)
    expect(trackedScene(frame(rand, 0), tracker.tracks()).objects).toHaveLength(0)
    tracker.update(frame(rand, 0.002))
    const ids = idByTruth(tracker)
    expect(tracker.tracks().every((t) => t.isConfirmed)).toBe(true)
    tracker.update(frame(rand, 0.002, ['mug']))
    tracker.update(frame(rand, 0.002, ['mug']))
    const coasting = tracker.tracks().find((t) => t.label === 'mug')!
    expect(coasting.misses).toBe(2)
    tracker.update(frame(rand, 0.002))
    expect(idByTruth(tracker)).toEqual(ids)
    for (let i = 0; i < 4; i++) tracker.update(frame(rand, 0.002, ['bottle']))
    expect(tracker.tracks().map((t) => t.label)).not.toContain('bottle')
    tracker.update(frame(rand, 0.002))
    const reborn = tracker.tracks().find((t) => t.label === 'bottle')!
    expect(reborn.id).not.toBe(ids.get('bottle'))
    expect(reborn.isConfirmed).toBe(false)
  })

  it('a tentative track seen once dies at its first miss (birth hysteresis)', () => {
    const rand = createRandom(9)
    const tracker = new Tracker({ confirmHits: 3 })
    tracker.update(frame(rand, 0.002, ['box']))
    tracker.update(frame(rand, 0.002, ['box']))
    tracker.update(frame(rand, 0.002)) // box appears once
    tracker.update(frame(rand, 0.002, ['box']))
    expect(
      tracker
        .tracks()
        .map((t) => t.label)
        .sort(),
    ).toEqual(['bottle', 'mug'])
  })
})
