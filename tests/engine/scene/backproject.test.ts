import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { backproject } from '../../../main/engine/scene/backproject'
import { decodeDepthPng } from '../../../main/sources/depthImage'
import { tumGolden } from '../../helpers/goldenCloud'

// Golden values: Open3D's PointCloud.create_from_depth_image on the TUM RGB-D depth frame with its
// intrinsics (tests/fixtures/golden/make_golden.py).

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url))

describe('backproject against Open3D', () => {
  const k = JSON.parse(readFileSync(fixture('tum-open3d/intrinsics.json'), 'utf8'))
  const depth = decodeDepthPng(
    new Uint8Array(readFileSync(fixture('tum-open3d/TUM_depth.png'))),
    'TUM_depth.png',
    k.depthScale,
  )
  const cloud = backproject(depth, k)

  it('lifts the same valid pixels to the same points', () => {
    expect(cloud.count).toBe(tumGolden.count)
    // Open3D computes in float32 like our Float32Array storage: 1e-6 m at ≤ 5 m range.
    for (const { index, point } of tumGolden.samples)
      for (let a = 0; a < 3; a++)
        expect(Math.abs(cloud.pointsInCamera[index * 3 + a] - point[a])).toBeLessThan(1e-6)
    const sum = [0, 0, 0]
    for (let i = 0; i < cloud.count * 3; i++) sum[i % 3] += cloud.pointsInCamera[i]
    // Over ~250k points the float32 rounding averages out: 1e-6 relative.
    sum.forEach((value, a) =>
      expect(Math.abs(value - tumGolden.sum[a])).toBeLessThan(
        1e-6 * Math.abs(tumGolden.sum[a]) + 1e-3,
      ),
    )
  })

  it('maps pixels and points both ways and skips invalid depth', () => {
    for (let i = 0; i < cloud.count; i += 997)
      expect(cloud.pointOfPixel[cloud.pixelOfPoint[i]]).toBe(i)
    let invalid = 0
    for (let pixel = 0; pixel < depth.data.length; pixel++) if (!(depth.data[pixel] > 0)) invalid++
    expect(invalid).toBe(depth.width * depth.height - cloud.count)
  })
})
