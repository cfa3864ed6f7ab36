import { describe, expect, it } from 'vitest'
import {
  calibrationRunInputSchema,
  MAX_KNOWN_DISTANCES,
} from '../../main/contract/calibrationChannelSchema'
import { describeValidationError } from '../../main/contract/channels'

/**
 * calibration:run's input: the pixel methods (several known distances, a known size in a box) and a
 * decoded frame instead of a kept scene. Bad numbers are refused at the contract with a message that
 * names the field, as the service returns it (describeValidationError).
 */

const K = { width: 4, height: 3, fx: 3, fy: 3, cx: 1.5, cy: 1 }
const frame = {
  kind: 'raw',
  name: 'c.png',
  cameraId: 'arm',
  timestampNs: '0',
  rgb: { width: 4, height: 3, data: new Uint8Array(4 * 3 * 3) },
  intrinsics: K,
}
const distance = { a: [1, 2], b: [3, 1], distanceM: 0.5 }
const withDistances = (distances: unknown[]) => ({
  frame,
  modelId: 'depth-anything-v2-small',
  method: { kind: 'known-pixel-distances', distances },
})
const withSize = (size: Record<string, unknown>) => ({
  frame,
  modelId: 'depth-anything-v2-small',
  method: { kind: 'known-size', box: [0, 0, 2, 2], axis: 'width', sizeM: 0.3, ...size },
})

/** The service's error line for an input, or null when the contract takes it. */
function refusal(input: unknown): string | null {
  const parsed = calibrationRunInputSchema.safeParse(input)
  return parsed.success ? null : describeValidationError('calibration:run', parsed.error).message
}

describe('calibration:run input: pixel methods', () => {
  it('takes several pixel distances and a known size, on a frame or a kept scene', () => {
    expect(refusal(withDistances([distance, { ...distance, distanceM: 0.3 }]))).toBeNull()
    expect(refusal(withSize({ axis: 'height' }))).toBeNull()
    const { frame: _frame, ...onScene } = withSize({})
    expect(refusal({ ...onScene, sceneId: 's1' })).toBeNull()
    const most = Array.from({ length: MAX_KNOWN_DISTANCES }, () => distance)
    expect(refusal(withDistances(most))).toBeNull()
  })

  it('refuses no distance and more than the limit', () => {
    expect(refusal(withDistances([]))).toMatch(/^calibration:run: invalid method\.distances: /)
    expect(
      refusal(withDistances(Array.from({ length: MAX_KNOWN_DISTANCES + 1 }, () => distance))),
    ).toMatch(/^calibration:run: invalid method\.distances: .*64/)
  })

  const badDistances: [string, unknown, RegExp][] = [
    ['a NaN distance', { ...distance, distanceM: Number.NaN }, /distances\.1\.distanceM/],
    ['an infinite distance', { ...distance, distanceM: Infinity }, /distances\.1\.distanceM/],
    ['a zero distance', { ...distance, distanceM: 0 }, /distances\.1\.distanceM/],
    ['a negative distance', { ...distance, distanceM: -1 }, /distances\.1\.distanceM/],
    ['a distance over a kilometre', { ...distance, distanceM: 1001 }, /distanceM: .*1000/],
    ['a huge pixel', { ...distance, a: [1e300, 2] }, /distances\.1\.a\.0: .*1000000/],
    ['a NaN pixel', { ...distance, b: [3, Number.NaN] }, /distances\.1\.b\.1/],
    ['a pixel with three numbers', { ...distance, a: [1, 2, 3] }, /distances\.1\.a/],
    ['an unknown field', { ...distance, depthM: 2 }, /unexpected field .*depthM/],
  ]
  for (const [name, bad, message] of badDistances) {
    it(`refuses ${name}, naming the field`, () => {
      // Second in the list: the message must say which one.
      expect(refusal(withDistances([distance, bad]))).toMatch(message)
    })
  }

  const badSizes: [string, Record<string, unknown>, RegExp][] = [
    ['a non-finite box', { box: [0, 0, Infinity, 2] }, /invalid method\.box\.2/],
    ['a box of three numbers', { box: [0, 0, 2] }, /invalid method\.box/],
    ['a huge box', { box: [0, 0, 2, -5e6] }, /invalid method\.box\.3: .*-1000000/],
    ['an axis that is not width or height', { axis: 'depth' }, /invalid method\.axis/],
    ['a NaN size', { sizeM: Number.NaN }, /invalid method\.sizeM/],
    ['a size of zero', { sizeM: 0 }, /invalid method\.sizeM/],
    ['a size over a kilometre', { sizeM: 5000 }, /invalid method\.sizeM: .*1000/],
  ]
  for (const [name, bad, message] of badSizes) {
    it(`refuses ${name} for a known size`, () => expect(refusal(withSize(bad))).toMatch(message))
  }
})

describe('calibration:run input: what it fits on', () => {
  it('needs exactly one of a kept scene and a frame', () => {
    const { frame: _frame, ...neither } = withSize({})
    expect(refusal(neither)).toMatch(/invalid sceneId: give either sceneId .* or frame/)
    expect(refusal({ ...withSize({}), sceneId: 's1' })).toMatch(/not both or neither/)
  })

  it('checks the frame as any raw frame: the image must hold its pixels and match the intrinsics', () => {
    const torn = { ...frame, rgb: { ...frame.rgb, data: new Uint8Array(5) } }
    expect(refusal({ ...withSize({}), frame: torn })).toMatch(/invalid frame\.rgb\.data/)
    const otherSize = { ...frame, intrinsics: { ...K, width: 8 } }
    expect(refusal({ ...withSize({}), frame: otherSize })).toMatch(/invalid frame\.intrinsics/)
  })

  it('refuses a provider that is not one', () => {
    expect(refusal({ ...withSize({}), provider: 'tpu' })).toMatch(/invalid provider/)
  })
})
