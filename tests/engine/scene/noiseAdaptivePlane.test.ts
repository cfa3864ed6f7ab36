import { describe, expect, it } from 'vitest'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { estimateDepthNoise } from '../../../main/engine/scene/depthNoise'
import { findSupportPlane } from '../../../main/engine/scene/supportPlane'
import { backproject } from '../../../main/engine/scene/backproject'
import { createRandom } from '../../../main/engine/random'
import type { Frame, Vec3 } from '../../../main/engine/types'
import { loadGroundTruth, loadSyntheticFrame } from '../../helpers/syntheticTabletop'

/** The synthetic frame with extra multiplicative noise, for a total of `totalRel` (it ships with 0.5 %). */
function noisier(frame: Frame, totalRel: number, seed = 11): Frame {
  const random = createRandom(seed)
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const extra = Math.sqrt(totalRel ** 2 - 0.005 ** 2)
  const data = Float32Array.from(frame.depth!.data, (z) =>
    z > 0 ? z * (1 + extra * gaussian()) : 0,
  )
  return { ...frame, depth: { ...frame.depth!, data } }
}

const angleDeg = (a: Vec3, b: Vec3) =>
  (Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])) * 180) / Math.PI
const gt = loadGroundTruth('640x480')
const truthNormal = gt.table_plane_camera.coeffs.slice(0, 3) as Vec3

describe('the support-plane threshold adapts to depth noise', () => {
  const frame = noisier(loadSyntheticFrame('640x480'), 0.01)

  it('measures the noise it was given', () => {
    expect(estimateDepthNoise(loadSyntheticFrame('640x480').depth!).typical).toBeCloseTo(0.005, 3)
    expect(estimateDepthNoise(frame.depth!).typical).toBeGreaterThan(0.008)
    expect(estimateDepthNoise(frame.depth!).typical).toBeLessThan(0.012)
  })

  it.each([
    [0.01, 1.08],
    [0.02, 1.5],
  ])(
    'keeps the table as inliers at %s relative noise, where a fixed 1 cm threshold loses it',
    (rel, ratio) => {
      const noisy = noisier(loadSyntheticFrame('640x480'), rel)
      const noise = estimateDepthNoise(noisy.depth!)
      // Full-resolution points: every table pixel the threshold rejects becomes a false object point.
      const points = backproject(noisy.depth!, noisy.intrinsics).pointsInCamera
      const adaptive = findSupportPlane(points, { noise })!
      const fixed = findSupportPlane(points, { noise, sigmas: 0, minThresholdM: 0.01 })!
      console.log(
        `noise ${rel}: inliers adaptive ${adaptive.inlierCount}, fixed 1 cm ${fixed.inlierCount}`,
      )
      expect(adaptive.inlierCount).toBeGreaterThan(ratio * fixed.inlierCount)
      expect(angleDeg(adaptive.normal, truthNormal)).toBeLessThan(1)
    },
  )

  it('still finds all 6 objects with centres within 1.5 cm at 1 % noise', () => {
    const scene = buildScene(frame)
    expect(angleDeg(scene.plane!.normal, truthNormal)).toBeLessThan(1)
    expect(scene.objects).toHaveLength(6)
    const errors = gt.objects.map((t) =>
      Math.min(
        ...scene.objects.map((o) =>
          Math.hypot(...(o.centerInWorld.map((v, i) => v - t.centre_world[i]) as Vec3)),
        ),
      ),
    )
    expect(errors.reduce((s, e) => s + e, 0) / errors.length).toBeLessThan(0.015)
  })
})
