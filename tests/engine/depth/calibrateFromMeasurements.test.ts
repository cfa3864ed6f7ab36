import { describe, expect, it } from 'vitest'
import {
  calibrateFromKnownDistance,
  calibrateFromKnownSize,
} from '../../../main/engine/depth/calibrateFromMeasurements'
import { applyCalibration } from '../../../main/engine/depth/postprocess'
import { CalibrationInputError } from '../../../main/engine/depth/calibrationError'
import type { DepthImage, Intrinsics } from '../../../main/engine/types'

const intrinsics: Intrinsics = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 }

/** A fronto-parallel wall 2 m away, as a model would see it: `toModel(2)` everywhere. */
function wall(toModel: (z: number) => number): DepthImage {
  return { width: 640, height: 480, data: new Float32Array(640 * 480).fill(toModel(2)) }
}

describe('calibrateFromKnownDistance', () => {
  // Pixels 400 px apart on a row of a wall 2 m away are (400 / 525)·2 = 1.5238 m apart.
  const trueDistance = (400 / 525) * 2

  it('metric model 1.3× too near: scale 1.3, shift 0, zero residual for one pair', () => {
    const model = wall((z) => z / 1.3)
    const fit = calibrateFromKnownDistance({ model, space: 'depth', intrinsics }, [
      { a: [100, 240], b: [500, 240], distanceM: trueDistance },
    ])
    expect(fit.scale).toBeCloseTo(1.3, 6) // float32 depth
    expect(fit.shift).toBe(0)
    expect(fit.method).toBe('known-distance')
    expect(fit.residualRmsM).toBeCloseTo(0, 9)
    expect(fit.pointCount).toBe(50) // two 5×5 windows
    expect(applyCalibration(model, fit).data[0]).toBeCloseTo(2, 5)
  })

  it('relative model (d = 1/(1.3 z)): inverse-depth scale 1.3 with zero shift gives back 2 m', () => {
    const model = wall((z) => 1 / (1.3 * z))
    const fit = calibrateFromKnownDistance({ model, space: 'inverse-depth', intrinsics }, [
      { a: [100, 240], b: [500, 240], distanceM: trueDistance },
    ])
    expect(fit.scale).toBeCloseTo(1.3, 6)
    expect(fit.space).toBe('inverse-depth')
    expect(applyCalibration(model, fit).data[0]).toBeCloseTo(2, 5)
  })

  it('several distances: least-squares scale and a non-zero residual when they disagree', () => {
    const model = wall((z) => z)
    const fit = calibrateFromKnownDistance({ model, space: 'depth', intrinsics }, [
      { a: [100, 240], b: [500, 240], distanceM: trueDistance * 1.1 },
      { a: [320, 40], b: [320, 440], distanceM: trueDistance * 0.9 },
    ])
    expect(fit.scale).toBeCloseTo(1, 9) // (1.1 + 0.9)/2 with equal lengths
    expect(fit.residualRmsM).toBeCloseTo(trueDistance * 0.1, 6)
    expect(fit.residualRel).toBeCloseTo((0.1 / 1.1 + 0.1 / 0.9) / 2, 9)
  })

  it('takes the median of the window, so one bad pixel does not move the point', () => {
    const model = wall((z) => z)
    model.data[240 * 640 + 100] = 50
    const fit = calibrateFromKnownDistance({ model, space: 'depth', intrinsics }, [
      { a: [100, 240], b: [500, 240], distanceM: trueDistance },
    ])
    expect(fit.scale).toBeCloseTo(1, 9)
  })

  it('says what to do for a pixel without depth or outside the image, or a bad distance', () => {
    const model = wall(() => 0)
    const input = { model, space: 'depth' as const, intrinsics }
    expect(() =>
      calibrateFromKnownDistance(input, [{ a: [1, 1], b: [5, 5], distanceM: 1 }]),
    ).toThrow(/click a point on a surface/)
    const valid = { ...input, model: wall((z) => z) }
    expect(() =>
      calibrateFromKnownDistance(valid, [{ a: [-5, 1], b: [5, 5], distanceM: 1 }]),
    ).toThrow(CalibrationInputError)
    expect(() =>
      calibrateFromKnownDistance(valid, [{ a: [1, 1], b: [5, 5], distanceM: -1 }]),
    ).toThrow(/positive number of metres/)
    expect(() =>
      calibrateFromKnownDistance(valid, [{ a: [5, 5], b: [5, 5], distanceM: 1 }]),
    ).toThrow(/coincide/)
    expect(() => calibrateFromKnownDistance(valid, [])).toThrow(/at least one/)
  })
})

describe('calibrateFromKnownSize', () => {
  // A box 100 px wide on the wall 2 m away spans 100·2/525 = 0.38095 m.
  const trueWidth = (100 * 2) / 525

  it('box region: metric model 25 % too far → scale 0.8', () => {
    const model = wall((z) => z / 0.8)
    const fit = calibrateFromKnownSize(
      { model, space: 'depth', intrinsics },
      {
        region: { box: [200, 150, 300, 250] },
        sizeM: trueWidth,
        axis: 'width',
      },
    )
    expect(fit.scale).toBeCloseTo(0.8, 9)
    expect(fit.method).toBe('known-size')
    expect(fit.pointCount).toBe(50 * 50) // the inner half of the box
  })

  it('mask region, height axis, relative model', () => {
    const model = wall((z) => 1 / (0.5 * z))
    const mask = new Uint8Array(640 * 480)
    for (let y = 100; y < 160; y++) for (let x = 300; x < 310; x++) mask[y * 640 + x] = 1
    const fit = calibrateFromKnownSize(
      { model, space: 'inverse-depth', intrinsics },
      {
        region: { mask, maskWidth: 640, maskHeight: 480 },
        sizeM: (60 * 2) / 525,
        axis: 'height',
      },
    )
    expect(fit.scale).toBeCloseTo(0.5, 9)
    expect(applyCalibration(model, fit).data[0]).toBeCloseTo(2, 5)
  })

  it('box depth comes from the inner half, ignoring background at the border', () => {
    const model = wall((z) => z)
    // A 1 m deep object fills the inner part of the box; the box border sees the wall at 2 m.
    for (let y = 160; y < 240; y++) model.data.fill(1, y * 640 + 210, y * 640 + 290)
    const fit = calibrateFromKnownSize(
      { model, space: 'depth', intrinsics },
      {
        region: { box: [200, 150, 300, 250] },
        sizeM: (100 * 1) / 525,
        axis: 'width',
      },
    )
    expect(fit.scale).toBeCloseTo(1, 9)
  })

  it('rejects a region outside the image, a mask of another size, or no depth inside', () => {
    const input = { model: wall((z) => z), space: 'depth' as const, intrinsics }
    expect(() =>
      calibrateFromKnownSize(input, {
        region: { box: [600, 0, 700, 10] },
        sizeM: 1,
        axis: 'width',
      }),
    ).toThrow(/outside/)
    expect(() =>
      calibrateFromKnownSize(input, {
        region: { mask: new Uint8Array(4), maskWidth: 2, maskHeight: 2 },
        sizeM: 1,
        axis: 'width',
      }),
    ).toThrow(/mask is 2×2/)
    expect(() =>
      calibrateFromKnownSize(
        { ...input, model: wall(() => 0) },
        { region: { box: [0, 0, 10, 10] }, sizeM: 1, axis: 'width' },
      ),
    ).toThrow(/no depth inside/)
  })
})
