import { describe, expect, it } from 'vitest'
import { calibrateFromRgbd } from '../../../main/engine/depth/calibrateFromRgbd'
import { robustAffineFit } from '../../../main/engine/depth/robustFit'
import { CalibrationInputError } from '../../../main/engine/depth/calibrationError'
import { createRandom } from '../../../main/engine/random'
import type { DepthImage } from '../../../main/engine/types'
import { loadSyntheticFrame } from '../../helpers/syntheticTabletop'

/** The synthetic tabletop's sensor depth (metres, ~15 % invalid): the ground truth here. */
const sensor = loadSyntheticFrame('640x480').depth!

function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/**
 * A fake model output made from the true depth through the inverse of a known calibration, with
 * 1 % multiplicative noise and 10 % of the pixels replaced by uniform garbage (gross outliers).
 */
function distort(toModel: (z: number) => number, seed: number, outlierFraction = 0.1): DepthImage {
  const random = createRandom(seed)
  const normal = gaussian(random)
  const data = new Float32Array(sensor.data.length)
  let low = Infinity
  let high = -Infinity
  for (let i = 0; i < data.length; i++) {
    if (!(sensor.data[i] > 0)) continue
    data[i] = toModel(sensor.data[i]) * (1 + 0.01 * normal())
    low = Math.min(low, data[i])
    high = Math.max(high, data[i])
  }
  // The model predicts everywhere, also where the sensor has no depth.
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0 || random() < outlierFraction) data[i] = low + (high - low) * random()
  }
  return { width: sensor.width, height: sensor.height, data }
}

describe('calibrateFromRgbd', () => {
  it('metric model: recovers z = 1.25·m + 0.10 (depth space) despite noise and 10 % outliers', () => {
    const model = distort((z) => (z - 0.1) / 1.25, 1)
    const fit = calibrateFromRgbd(model, sensor, { space: 'depth' })
    expect(fit.scale).toBeCloseTo(1.25, 2)
    expect(fit.shift).toBeCloseTo(0.1, 2)
    expect(fit.method).toBe('rgbd-frame')
    expect(fit.residualRmsM).toBeLessThan(0.03) // ≈ 1 % of 1–3 m
    expect(fit.residualRel).toBeLessThan(0.01)
    expect(fit.inlierCount / fit.pointCount).toBeGreaterThan(0.85)
    expect(fit.inlierCount / fit.pointCount).toBeLessThan(0.95)
  })

  it('relative model: recovers 1/z = 0.002·d + 0.10 (inverse-depth space)', () => {
    const model = distort((z) => (1 / z - 0.1) / 0.002, 2)
    const fit = calibrateFromRgbd(model, sensor, { space: 'inverse-depth' })
    expect(fit.scale / 0.002).toBeCloseTo(1, 2)
    expect(fit.shift).toBeCloseTo(0.1, 2)
    expect(fit.space).toBe('inverse-depth')
    expect(fit.residualRmsM).toBeLessThan(0.04)
    expect(fit.residualRel).toBeLessThan(0.012)
  })

  it('the outliers matter: plain least squares is far off on the same data', () => {
    const model = distort((z) => (1 / z - 0.1) / 0.002, 2)
    const x: number[] = []
    const y: number[] = []
    for (let i = 0; i < model.data.length; i++) {
      if (!(sensor.data[i] > 0)) continue
      x.push(model.data[i])
      y.push(1 / sensor.data[i])
    }
    const n = x.length
    const mx = x.reduce((a, b) => a + b) / n
    const my = y.reduce((a, b) => a + b) / n
    let sxy = 0
    let sxx = 0
    for (let i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my)
      sxx += (x[i] - mx) ** 2
    }
    expect(Math.abs(sxy / sxx / 0.002 - 1)).toBeGreaterThan(0.05)
  })

  it('scale only (no shift): recovers z = 0.8·m', () => {
    const model = distort((z) => z / 0.8, 3)
    const fit = calibrateFromRgbd(model, sensor, { space: 'depth', fitShift: false })
    expect(fit.scale).toBeCloseTo(0.8, 2)
    expect(fit.shift).toBe(0)
  })

  it('uses at most maxSamples pixel pairs, spread over the image', () => {
    const model = distort((z) => z, 4, 0)
    const fit = calibrateFromRgbd(model, sensor, { space: 'depth', maxSamples: 5000 })
    expect(fit.pointCount).toBeLessThanOrEqual(5000)
    expect(fit.pointCount).toBeGreaterThan(4000)
    expect(fit.scale).toBeCloseTo(1, 2)
  })

  it('says what to do when too few pixels have both depths, or the sizes differ', () => {
    const empty: DepthImage = { width: 640, height: 480, data: new Float32Array(640 * 480) }
    expect(() => calibrateFromRgbd(empty, sensor, { space: 'depth' })).toThrow(
      CalibrationInputError,
    )
    expect(() => calibrateFromRgbd(empty, sensor, { space: 'depth' })).toThrow(/only 0 pixels/)
    const small: DepthImage = { width: 320, height: 240, data: new Float32Array(320 * 240) }
    expect(() => calibrateFromRgbd(small, sensor, { space: 'depth' })).toThrow(/registered/)
  })
})

describe('robustAffineFit', () => {
  it('is exact on exact data and flags the gross outliers', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i + 1)
    const y = x.map((v) => 3 * v - 2)
    y[10] = 1e4
    y[50] = -1e4
    const fit = robustAffineFit(x, y, { fitShift: true })
    expect(fit.scale).toBeCloseTo(3, 9)
    expect(fit.shift).toBeCloseTo(-2, 7)
    expect(fit.inlierMask[10]).toBe(0)
    expect(fit.inlierMask[50]).toBe(0)
    expect(fit.inlierCount).toBe(98)
  })

  it('refuses data that cannot determine a scale', () => {
    expect(() =>
      robustAffineFit(new Float64Array(5).fill(2), new Float64Array(5), { fitShift: true }),
    ).toThrow(/do not vary/)
    expect(() =>
      robustAffineFit(new Float64Array(1), new Float64Array(1), { fitShift: true }),
    ).toThrow(RangeError)
  })
})
