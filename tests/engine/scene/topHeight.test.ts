import { describe, expect, it } from 'vitest'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { estimateTopHeight } from '../../../main/engine/scene/topHeight'
import { createRandom } from '../../../main/engine/random'
import type { SceneObject } from '../../../main/engine/types'
import { loadGroundTruth, loadSyntheticFrame, RESOLUTIONS } from '../../helpers/syntheticTabletop'

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random())
}

/** Heights of a mug seen from the side: wall points uniform in [0, T], a thin rim (spike at T), noise σ. */
function mugHeights(
  top: number,
  rimShare: number,
  sigma: number,
  count: number,
  seed: number,
): Float64Array {
  const random = createRandom(seed)
  const heights = Float64Array.from(
    { length: count },
    () => (random() < rimShare ? top : random() * top) + sigma * gaussian(random),
  )
  return heights.sort()
}

describe('estimateTopHeight on constructed heights (true top known)', () => {
  it('keeps a thin rim: a 10 cm wall with 0.5 % of its points on the rim, σ = 3 mm', () => {
    for (const seed of [1, 2, 3]) {
      const heights = mugHeights(0.1, 0.005, 0.003, 8000, seed)
      expect(Math.abs(estimateTopHeight(heights, 0.003) - 0.1)).toBeLessThan(0.0015)
      // The 99th percentile less two sigmas (the previous rule) lost about 7 mm of this mug.
      expect(heights[Math.floor(0.99 * heights.length)] - 0.006).toBeLessThan(0.095)
    }
  })

  it('finds a flat top mostly made of top-face points (a laptop), not its noisy upper tail', () => {
    const random = createRandom(9)
    const heights = Float64Array.from(
      { length: 4000 },
      () => (random() < 0.8 ? 0.04 : random() * 0.04) + 0.003 * gaussian(random),
    ).sort()
    expect(Math.abs(estimateTopHeight(heights, 0.003) - 0.04)).toBeLessThan(0.001)
  })

  it('ignores a few stray points far above the top', () => {
    const heights = Array.from(mugHeights(0.1, 0.02, 0.002, 5000, 4))
    for (let i = 0; i < 20; i++) heights.push(0.15 + i * 0.002)
    expect(
      Math.abs(estimateTopHeight(Float64Array.from(heights).sort(), 0.002) - 0.1),
    ).toBeLessThan(0.0015)
  })

  it('handles few points and no points', () => {
    expect(estimateTopHeight(new Float64Array([0.01, 0.02, 0.03]), 0.002)).toBeCloseTo(0.03, 6)
    expect(estimateTopHeight(new Float64Array(0), 0.002)).toBeNaN()
  })
})

describe.each(RESOLUTIONS)(
  'object heights on the synthetic tabletop %s (ground truth)',
  (resolution) => {
    it('each height within 3 % of the truth, mean |error| within 1.5 %', () => {
      const gt = loadGroundTruth(resolution)
      const scene = buildScene(loadSyntheticFrame(resolution))
      const errors = gt.objects.map((truth) => {
        const footprintDistance = (o: SceneObject) =>
          Math.hypot(
            o.centerInWorld[0] - truth.centre_world[0],
            o.centerInWorld[1] - truth.centre_world[1],
          )
        const object = scene.objects.reduce((a, b) =>
          footprintDistance(b) < footprintDistance(a) ? b : a,
        )
        return object.sizeM.height / truth.size_m.height - 1
      })
      console.log(
        `${resolution} height errors: ${errors.map((e) => `${(e * 100).toFixed(1)} %`).join(', ')}`,
      )
      for (const error of errors) expect(Math.abs(error)).toBeLessThan(0.03)
      expect(errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length).toBeLessThan(0.015)
    })
  },
)
