import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type PcdCloud, loadPcdFrame, parsePcd } from '../../main/sources/pcd'
import { fixture } from './helpers'

const knownIntrinsics = JSON.parse(readFileSync(fixture('pcl-kinect/intrinsics.json'), 'utf8'))
  .pcd_clouds as Record<string, { fx: number; fy: number; cx: number; cy: number }>

/**
 * Golden values per cloud. Finite counts and the point at pixel (u 200, v 100) were read with an independent
 * numpy + pure-Python LZF reader written for this check; z ranges and finite fractions are those in PROVENANCE.md.
 */
const clouds = {
  milk: {
    file: 'pcd/milk_cartoon_all_small_clorox.pcd',
    finite: 241407,
    fraction: 0.79,
    zMin: 0.5,
    zMax: 2.06,
    xyz: [-0.3006848, -0.3510086, 1.321],
    rgb: [104, 94, 85],
  },
  office1: {
    file: 'pcd/office1.pcd',
    finite: 254456,
    fraction: 0.83,
    zMin: 1.83,
    zMax: 5.36,
    xyz: [-1.154286, -1.346667, 5.05],
    rgb: [196, 181, 187],
  },
  table: {
    file: 'pcd/table_scene_mug_stereo_textured.pcd',
    finite: 209280,
    fraction: 0.68,
    zMin: 0.69,
    zMax: 2.59,
    xyz: [-0.2648, -0.27266, 2.1314],
    rgb: [33, 33, 65],
  },
}

const parsed = new Map<string, PcdCloud>()
function cloudOf(key: keyof typeof clouds): PcdCloud {
  if (!parsed.has(key)) {
    const path = fixture(`pcl-kinect/${clouds[key].file}`)
    parsed.set(key, parsePcd(new Uint8Array(readFileSync(path)), path))
  }
  return parsed.get(key)!
}

describe('parsePcd on the PCL clouds (binary_compressed)', () => {
  for (const [key, golden] of Object.entries(clouds) as [
    keyof typeof clouds,
    (typeof clouds)['milk'],
  ][]) {
    it(`${key}: size, finite points, z range, a known point and its colour`, () => {
      const cloud = cloudOf(key)
      expect([cloud.width, cloud.height, cloud.pointsInCamera.length]).toEqual([
        640,
        480,
        640 * 480 * 3,
      ])
      let finite = 0
      let partlyNaN = 0
      let zMin = Infinity
      let zMax = -Infinity
      const points = cloud.pointsInCamera
      for (let i = 0; i < points.length; i += 3) {
        const z = points[i + 2]
        if (Number.isFinite(z)) {
          finite++
          zMin = Math.min(zMin, z)
          zMax = Math.max(zMax, z)
        }
        if (
          Number.isNaN(points[i]) !== Number.isNaN(z) ||
          Number.isNaN(points[i + 1]) !== Number.isNaN(z)
        )
          partlyNaN++
      }
      expect(partlyNaN).toBe(0)
      expect(finite).toBe(golden.finite)
      expect(finite / (640 * 480)).toBeCloseTo(golden.fraction, 2)
      expect(zMin).toBeCloseTo(golden.zMin, 2)
      expect(zMax).toBeCloseTo(golden.zMax, 2)
      const p = 100 * 640 + 200
      expect(Array.from(cloud.pointsInCamera.subarray(p * 3, p * 3 + 3))).toEqual(
        golden.xyz.map(Math.fround),
      )
      expect(Array.from(cloud.colors!.subarray(p * 3, p * 3 + 3))).toEqual(golden.rgb)
    })

    it(`${key}: recovers the pinhole intrinsics within 0.5 px / 0.1 %`, async () => {
      const frame = await loadPcdFrame(fixture(`pcl-kinect/${golden.file}`), 'pcl')
      const expected = knownIntrinsics[golden.file]
      expect(frame.intrinsics.width).toBe(640)
      expect(frame.intrinsics.height).toBe(480)
      expect(Math.abs(frame.intrinsics.fx / expected.fx - 1)).toBeLessThan(0.001)
      expect(Math.abs(frame.intrinsics.fy / expected.fy - 1)).toBeLessThan(0.001)
      expect(Math.abs(frame.intrinsics.cx - expected.cx)).toBeLessThan(0.5)
      expect(Math.abs(frame.intrinsics.cy - expected.cy)).toBeLessThan(0.5)
      expect(frame.depthSource).toBe('pointcloud')
      expect(frame.cameraId).toBe('pcl')
      expect(frame.sourceDescription).toContain(golden.file)
      // depth = z where finite, 0 elsewhere; the colour image is the packed colours.
      const cloud = cloudOf(key)
      let valid = 0
      for (let i = 0; i < 640 * 480; i++) {
        const z = cloud.pointsInCamera[i * 3 + 2]
        if (frame.depth!.data[i] > 0) valid++
        if (frame.depth!.data[i] !== (Number.isFinite(z) ? z : 0))
          throw new Error(`depth differs from z at ${i}`)
      }
      expect(valid).toBe(golden.finite)
      expect(Buffer.from(frame.rgb.data).equals(Buffer.from(cloud.colors!))).toBe(true)
    })
  }

  it('packed colours decode to plausible natural images (rgba as uint32, office1 rgb as float bits)', () => {
    for (const key of ['milk', 'office1'] as const) {
      const colors = cloudOf(key).colors!
      const mean = colors.reduce((s, v) => s + v, 0) / colors.length
      expect(mean).toBeGreaterThan(40)
      expect(mean).toBeLessThan(220)
      // Neighbouring pixels are alike in a real photo, unlike in wrongly unpacked bits.
      let neighbourDiff = 0
      let farDiff = 0
      for (let i = 0; i + 3 * 321 < colors.length; i += 3 * 97) {
        neighbourDiff += Math.abs(colors[i] - colors[i + 3])
        farDiff += Math.abs(colors[i] - colors[(i * 7919 + 3 * 321) % colors.length])
      }
      expect(neighbourDiff).toBeLessThan(farDiff * 0.5)
    }
    // The milk scene has a yellow detergent bottle: many more yellow pixels than there would be with r and b swapped.
    const milk = cloudOf('milk').colors!
    let yellow = 0
    let swapped = 0
    for (let i = 0; i < milk.length; i += 3) {
      if (milk[i] > 150 && milk[i + 1] > 120 && milk[i + 2] < 80) yellow++
      if (milk[i + 2] > 150 && milk[i + 1] > 120 && milk[i] < 80) swapped++
    }
    expect(yellow).toBeGreaterThan(5 * swapped)
  })
})
