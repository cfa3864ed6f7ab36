import { describe, expect, it } from 'vitest'
import {
  CAMERA_FRAME_NOTE,
  clockAngleDeg,
  clockHourFromAngle,
  depthOf,
  directionClock,
  distanceBetween,
  fitsBetween,
  formatLength,
  formatVolume,
  gapBetween,
  heightOf,
  horizontalDistance,
  verticalDistance,
  volumeOf,
  widthOf,
} from '../../../main/engine/answers'
import type { Scene, SceneObject, Vec3 } from '../../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth, sceneWithBoxes } from './sceneFromGroundTruth'

const gt = loadGroundTruth()
const scene = sceneFromGroundTruth(gt)
const obj = (s: Scene, name: string): SceneObject => {
  const o = s.objects.find((x) => x.name === name)
  if (!o) throw new Error(`no ${name}`)
  return o
}
const gtObj = (name: string) => gt.objects.find((o) => o.name === name)!
const dist = (p: Vec3, q: Vec3): number => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])

describe('formatting', () => {
  it('cm below 1 m, m above, at most 2 decimals', () => {
    expect(formatLength(0.2256)).toBe('22.56 cm')
    expect(formatLength(0.05)).toBe('5 cm')
    expect(formatLength(0.105)).toBe('10.5 cm')
    expect(formatLength(1.2345)).toBe('1.23 m')
    expect(formatLength(0.999999)).toBe('1 m')
    expect(formatLength(2)).toBe('2 m')
    expect(formatLength(0)).toBe('0 cm')
    expect(formatLength(-0.03)).toBe('-3 cm')
  })
  it('volumes', () => {
    expect(formatVolume(0.00081)).toBe('810 cm³')
    expect(formatVolume(0.0024)).toBe('2.4 L')
    expect(formatVolume(1.5)).toBe('1.5 m³')
  })
})

describe('distance (centre to centre, 3D) against pairwise_centre_distances_m', () => {
  for (const [key, expected] of Object.entries(gt.pairwise_centre_distances_m)) {
    const [a, b] = key.split('|')
    it(key, () => {
      const ans = distanceBetween(scene, obj(scene, a), obj(scene, b))
      expect(ans.kind).toBe('distance')
      expect(ans.unit).toBe('m')
      expect(Math.abs((ans.value as number) - expected)).toBeLessThan(1e-4)
      // symmetric
      const rev = distanceBetween(scene, obj(scene, b), obj(scene, a))
      expect(Math.abs((rev.value as number) - expected)).toBeLessThan(1e-4)
      expect(ans.geometry).toMatchObject({
        kind: 'segment',
        fromInWorld: gtObj(a).centre_world,
        toInWorld: gtObj(b).centre_world,
      })
    })
  }
  it('text and provenance', () => {
    const ans = distanceBetween(scene, obj(scene, 'mug'), obj(scene, 'laptop'))
    expect(ans.text).toBe('The mug is 50.07 cm from the laptop (centre to centre).')
    expect(ans.provenance.pointCounts).toEqual({
      mug: gtObj('mug').visible_pixels,
      laptop: gtObj('laptop').visible_pixels,
    })
    expect(ans.provenance.frameKind).toBe('support-plane')
    expect(ans.provenance.depthSource).toBe('sensor')
    expect(ans.provenance.plane?.normal).toEqual(gt.table_plane_camera.coeffs.slice(0, 3))
    expect(ans.provenance.plane?.offset).toBe(0.65)
    expect(ans.provenance.method.length).toBeGreaterThan(10)
    expect(ans.objects.map((o) => o.name)).toEqual(['mug', 'laptop'])
    expect(ans.objects[0].centerInCamera).toEqual(gtObj('mug').centre_camera)
  })
})

describe('horizontal and vertical distance', () => {
  for (const [a, b] of [
    ['bottle', 'laptop'],
    ['box_tall', 'can'],
    ['mug', 'box_small'],
  ]) {
    it(`${a} / ${b}`, () => {
      const A = gtObj(a).centre_world
      const B = gtObj(b).centre_world
      const h = horizontalDistance(scene, obj(scene, a), obj(scene, b))
      expect(h.value as number).toBeCloseTo(Math.hypot(A[0] - B[0], A[1] - B[1]), 9)
      const v = verticalDistance(scene, obj(scene, a), obj(scene, b))
      expect(v.value as number).toBeCloseTo(Math.abs(A[2] - B[2]), 9)
      expect(h.text).not.toContain(CAMERA_FRAME_NOTE)
    })
  }
  it('bottle vs laptop by hand: horizontal √(0.3² + 0.12²), vertical 0.105', () => {
    expect(
      horizontalDistance(scene, obj(scene, 'bottle'), obj(scene, 'laptop')).value as number,
    ).toBeCloseTo(0.32311, 5)
    const v = verticalDistance(scene, obj(scene, 'bottle'), obj(scene, 'laptop'))
    expect(v.value as number).toBeCloseTo(0.105, 9)
    expect(v.text).toContain('10.5 cm')
    expect(v.text).toContain('the bottle is higher')
  })
})

describe('width, height, depth, volume (cylinders as diameter × diameter × height)', () => {
  for (const g of gt.objects) {
    it(g.name, () => {
      const o = obj(scene, g.name)
      const w = g.shape === 'cylinder' ? g.size_m.diameter! : g.size_m.width!
      const d = g.shape === 'cylinder' ? g.size_m.diameter! : g.size_m.depth!
      expect(widthOf(scene, o).value).toBe(w)
      expect(depthOf(scene, o).value).toBe(d)
      expect(heightOf(scene, o).value).toBe(g.size_m.height)
      expect(volumeOf(scene, o).value as number).toBeCloseTo(w * d * g.size_m.height, 12)
      expect(volumeOf(scene, o).unit).toBe('m3')
      const geo = heightOf(scene, o).geometry
      if (geo?.kind !== 'segment') throw new Error('expected a segment')
      expect(dist(geo.fromInWorld, geo.toInWorld)).toBeCloseTo(g.size_m.height, 12)
    })
  }
  it('text uses readable units', () => {
    expect(heightOf(scene, obj(scene, 'bottle')).text).toBe(
      'The bottle is 25 cm tall (height of its fitted box).',
    )
    expect(widthOf(scene, obj(scene, 'laptop')).text).toContain('30 cm wide')
  })
  it('width segment follows the yawed width axis (laptop, yaw 10°)', () => {
    const geo = widthOf(scene, obj(scene, 'laptop')).geometry
    if (geo?.kind !== 'segment') throw new Error('expected a segment')
    const dx = geo.toInWorld[0] - geo.fromInWorld[0]
    const dy = geo.toInWorld[1] - geo.fromInWorld[1]
    expect((Math.atan2(dy, dx) * 180) / Math.PI).toBeCloseTo(10, 9)
  })
})

describe('direction as clock hour (worked by hand)', () => {
  const cases: Array<[string, string, number]> = [
    // from, to, hour: Δ = (0.13, 0.35) → 20.4° clockwise from +y → 1 o'clock
    ['mug', 'bottle', 1],
    // Δ = (0.22, −0.05) → 102.8° → 3 o'clock
    ['box_small', 'mug', 3],
    // Δ = (−0.22, 0.05) → 282.8° → 9 o'clock
    ['mug', 'box_small', 9],
    // Δ = (−0.72, −0.40) → 240.9° → 8 o'clock
    ['can', 'box_small', 8],
    // Δ = (−0.30, 0.12) → 291.8° → 10 o'clock
    ['bottle', 'laptop', 10],
  ]
  for (const [from, to, hour] of cases) {
    it(`${to} from ${from} is at ${hour} o'clock`, () => {
      const ans = directionClock(scene, obj(scene, from), obj(scene, to))
      expect(ans.value).toBe(hour)
      expect(ans.unit).toBe('clock')
      expect(ans.text).toContain(`at ${hour} o'clock from the ${from}`)
      expect(ans.geometry).toMatchObject({ kind: 'arrow', clockHour: hour })
    })
  }
  it('angle helpers', () => {
    expect(clockAngleDeg(0, 1)).toBe(0)
    expect(clockAngleDeg(1, 0)).toBeCloseTo(90, 12)
    expect(clockAngleDeg(0, -1)).toBeCloseTo(180, 12)
    expect(clockAngleDeg(-1, 0)).toBeCloseTo(270, 12)
    expect(clockHourFromAngle(0)).toBe(12)
    expect(clockHourFromAngle(90)).toBe(3)
    expect(clockHourFromAngle(180)).toBe(6)
    expect(clockHourFromAngle(270)).toBe(9)
    expect(clockHourFromAngle(14.9)).toBe(12)
    expect(clockHourFromAngle(15.1)).toBe(1)
    expect(clockHourFromAngle(350)).toBe(12)
  })
})

describe('gap between boxes', () => {
  const s = sceneWithBoxes([
    { name: 'a', c: [0, 1, 0.05], s: [0.1, 0.1, 0.1] },
    { name: 'b', c: [0.3, 1, 0.05], s: [0.2, 0.1, 0.1] },
    { name: 'r', c: [0, 2, 0.1], s: [0.2, 0.2, 0.2], yawDeg: 45 },
    { name: 'q', c: [0.5, 2, 0.1], s: [0.2, 0.2, 0.2] },
    { name: 'o', c: [0.08, 1, 0.05], s: [0.1, 0.1, 0.1] },
  ])
  it('axis-aligned: 15 cm', () => {
    const ans = gapBetween(s, obj(s, 'a'), obj(s, 'b'))
    expect(ans.value as number).toBeCloseTo(0.15, 12)
    expect(ans.text).toBe(
      'The gap between the a and the b is 15 cm (closest points of their boxes).',
    )
    if (ans.geometry?.kind !== 'segment') throw new Error('segment')
    expect(dist(ans.geometry.fromInWorld, ans.geometry.toInWorld)).toBeCloseTo(0.15, 12)
  })
  it('rotated: 0.4 − 0.1·√2', () => {
    expect(gapBetween(s, obj(s, 'r'), obj(s, 'q')).value as number).toBeCloseTo(
      0.4 - 0.1 * Math.SQRT2,
      10,
    )
  })
  it('overlapping: 0 with a touch/overlap text', () => {
    const ans = gapBetween(s, obj(s, 'a'), obj(s, 'o'))
    expect(ans.value).toBe(0)
    expect(ans.text).toContain('overlap')
  })
  it('tabletop mug ↔ box_small: positive and below the centre distance minus the mug radius', () => {
    const ans = gapBetween(scene, obj(scene, 'mug'), obj(scene, 'box_small'))
    const v = ans.value as number
    expect(v).toBeGreaterThan(0)
    expect(v).toBeLessThan(gt.pairwise_centre_distances_m['box_small|mug'] - 0.045)
  })
})

/** Independent: march along the centre line and measure the part outside both footprints. */
function marchedGap(a: string, b: string): number {
  const A = gtObj(a)
  const B = gtObj(b)
  const inside = (o: typeof A, x: number, y: number): boolean => {
    const w = (o.shape === 'cylinder' ? o.size_m.diameter! : o.size_m.width!) / 2
    const d = (o.shape === 'cylinder' ? o.size_m.diameter! : o.size_m.depth!) / 2
    const yaw = (o.yaw_deg * Math.PI) / 180
    const dx = x - o.centre_world[0]
    const dy = y - o.centre_world[1]
    return (
      Math.abs(Math.cos(yaw) * dx + Math.sin(yaw) * dy) <= w &&
      Math.abs(-Math.sin(yaw) * dx + Math.cos(yaw) * dy) <= d
    )
  }
  const n = 200000
  const len = Math.hypot(
    B.centre_world[0] - A.centre_world[0],
    B.centre_world[1] - A.centre_world[1],
  )
  let free = 0
  for (let i = 0; i < n; i++) {
    const t = (i + 0.5) / n
    const x = A.centre_world[0] + t * (B.centre_world[0] - A.centre_world[0])
    const y = A.centre_world[1] + t * (B.centre_world[1] - A.centre_world[1])
    if (!inside(A, x, y) && !inside(B, x, y)) free++
  }
  return (free / n) * len
}

describe('fits_between', () => {
  for (const [a, b] of [
    ['mug', 'box_tall'],
    ['box_small', 'laptop'],
    ['bottle', 'can'],
  ]) {
    it(`${a} / ${b}: true just below the free gap, false just above`, () => {
      const gap = marchedGap(a, b)
      const yes = fitsBetween(scene, obj(scene, a), obj(scene, b), gap - 0.005)
      const no = fitsBetween(scene, obj(scene, a), obj(scene, b), gap + 0.005)
      expect(yes.value).toBe(true)
      expect(no.value).toBe(false)
      expect(Math.abs(yes.detail!.gapM! - gap)).toBeLessThan(1e-4)
      expect(yes.detail!.requiredWidthM).toBeCloseTo(gap - 0.005, 12)
      expect(yes.text).toContain(formatLength(yes.detail!.gapM!))
      expect(yes.text.startsWith('Yes')).toBe(true)
      expect(no.text.startsWith('No')).toBe(true)
      expect(yes.unit).toBe('bool')
    })
  }
  it('overlapping objects never fit', () => {
    const s = sceneWithBoxes([
      { name: 'a', c: [0, 1, 0.05], s: [0.1, 0.1, 0.1] },
      { name: 'o', c: [0.08, 1, 0.05], s: [0.1, 0.1, 0.1] },
    ])
    const ans = fitsBetween(s, obj(s, 'a'), obj(s, 'o'), 0.001)
    expect(ans.value).toBe(false)
    expect(ans.detail!.gapM!).toBeLessThanOrEqual(0)
  })
})

describe('camera-fallback frame note', () => {
  const fb: Scene = {
    ...scene,
    plane: null,
    provenance: {
      ...scene.provenance,
      frameKind: 'camera-fallback',
      frameNote: 'no plane with enough inliers',
    },
  }
  it('gravity-dependent answers say the frame is the camera’s', () => {
    const h = heightOf(fb, obj(fb, 'bottle'))
    expect(h.value).toBe(0.25)
    expect(h.text).toContain(CAMERA_FRAME_NOTE)
    expect(h.text).toContain('no plane with enough inliers')
    expect(h.provenance.frameKind).toBe('camera-fallback')
    expect(h.provenance.frameNote).toBe('no plane with enough inliers')
    expect(h.provenance.plane).toBeNull()
    expect(verticalDistance(fb, obj(fb, 'bottle'), obj(fb, 'mug')).text).toContain(
      CAMERA_FRAME_NOTE,
    )
    expect(horizontalDistance(fb, obj(fb, 'bottle'), obj(fb, 'mug')).text).toContain(
      CAMERA_FRAME_NOTE,
    )
  })
  it('answers that do not need gravity have no note', () => {
    expect(widthOf(fb, obj(fb, 'bottle')).text).not.toContain(CAMERA_FRAME_NOTE)
    expect(distanceBetween(fb, obj(fb, 'bottle'), obj(fb, 'mug')).text).not.toContain(
      CAMERA_FRAME_NOTE,
    )
    expect(heightOf(scene, obj(scene, 'bottle')).text).not.toContain(CAMERA_FRAME_NOTE)
  })
})
