import { describe, expect, it } from 'vitest'
import { calibrationFromMessage, intrinsicsForImage } from '../../../main/sources/robot/cameraInfo'
import { intrinsicsRangeProblem } from '../../../main/contract/intrinsicsRules'
import { expectValueOrClearError, intBetween, pick, seeded } from '../../helpers/fuzz'

// Seeded properties of CameraInfo / CameraCalibration decoding: plausible calibrations give the scaled pinhole
// (hand formula), hostile K values (as a recording can carry them) give a clear error, never intrinsics the
// contract would refuse (cx = 1e308 and fx = 1e-12 hung or blinded the engine, issue 12).

const HOSTILE = [Number.NaN, Infinity, -Infinity, 1e308, 1e-12, -5, 0, 1e9]

function message(k: number[], width: number, height: number) {
  return {
    header: { frame_id: 'cam' },
    width,
    height,
    k,
    d: [0, 0, 0, 0, 0],
    distortion_model: 'plumb_bob',
  }
}

describe('camera calibration properties (seeded)', () => {
  it('a plausible calibration, resized with the stream, gives the scaled pinhole', () => {
    const random = seeded(111)
    for (let i = 0; i < 300; i++) {
      const width = intBetween(64, 1920, random)
      const height = intBetween(48, 1080, random)
      const f = width * (0.5 + random()) // fields of view of about 53°–90°
      const [cx, cy] = [width * (0.4 + 0.2 * random()), height * (0.4 + 0.2 * random())]
      const scale = pick([1, 0.5, 2], random)
      const calibration = calibrationFromMessage(
        message([f, 0, cx, 0, f, cy, 0, 0, 1], width, height),
      )
      const { intrinsics } = intrinsicsForImage(
        calibration,
        width * scale,
        height * scale,
        '/camera_info',
      )
      // Pixel centres are kept: (c + 0.5)·s − 0.5.
      expect(intrinsics.fx).toBeCloseTo(f * scale, 9)
      expect(intrinsics.fy).toBeCloseTo(f * scale, 9)
      expect(intrinsics.cx).toBeCloseTo((cx + 0.5) * scale - 0.5, 9)
      expect(intrinsics.cy).toBeCloseTo((cy + 0.5) * scale - 0.5, 9)
    }
  })

  it('hostile K values give a "camera calibration" error or intrinsics the contract accepts', () => {
    const random = seeded(112)
    const outcomes = { value: 0, error: 0 }
    for (let i = 0; i < 400; i++) {
      const k = [525, 0, 319.5, 0, 525, 239.5, 0, 0, 1]
      for (let n = intBetween(1, 2, random); n > 0; n--)
        k[pick([0, 2, 4, 5], random)] = pick(HOSTILE, random)
      const width = pick([640, 0, 320], random)
      const height = width === 0 ? 0 : (width * 3) / 4
      outcomes[
        expectValueOrClearError(
          () =>
            intrinsicsForImage(
              calibrationFromMessage(message(k, width, height)),
              640,
              480,
              '/camera_info',
            ),
          ({ intrinsics }) => {
            const values = [intrinsics.fx, intrinsics.fy, intrinsics.cx, intrinsics.cy]
            expect(values.every(Number.isFinite)).toBe(true)
            expect(intrinsicsRangeProblem(intrinsics)).toBeNull()
          },
          Error,
          /camera calibration/,
        )
      ]++
    }
    expect(outcomes.error).toBeGreaterThan(200)
    expect(outcomes.value).toBeGreaterThan(10) // 0 and 1e9 in off-diagonal-free slots, e.g. cy = 0, stay usable
  })

  it('names the topic and the field for cx = 1e308 and fx = 1e-12 (hand cases)', () => {
    const calibrate = (k: number[]) => () =>
      intrinsicsForImage(calibrationFromMessage(message(k, 640, 480)), 640, 480, '/cam/info')
    expect(calibrate([525, 0, 1e308, 0, 525, 240, 0, 0, 1])).toThrow(
      /^\/cam\/info: camera calibration unusable: cx must lie within/,
    )
    expect(calibrate([1e-12, 0, 320, 0, 525, 240, 0, 0, 1])).toThrow(
      /^\/cam\/info: camera calibration unusable: fx must give a field of view/,
    )
  })
})
