import { describe, expect, it } from 'vitest'
import {
  boxCorners,
  centreLineGap,
  closestBoxDistance,
  footprint,
  pointInFootprint,
} from '../../../main/engine/answers/boxGeometry'
import type { ObjectBox, Vec3 } from '../../../main/engine/types'
import { loadGroundTruth, type GtObject } from './sceneFromGroundTruth'

const box = (c: Vec3, s: [number, number, number], yawDeg = 0): ObjectBox => ({
  centerInWorld: c,
  centerInCamera: [0, 0, 0],
  sizeM: { width: s[0], depth: s[1], height: s[2] },
  yawRad: (yawDeg * Math.PI) / 180,
})

const SQ2 = Math.SQRT2

describe('footprint and corners', () => {
  it('axis-aligned footprint corners, counter-clockwise', () => {
    const fp = footprint(box([1, 2, 0.5], [0.4, 0.2, 1]))
    expect(fp).toHaveLength(4)
    const expected = [
      [1.2, 2.1],
      [0.8, 2.1],
      [0.8, 1.9],
      [1.2, 1.9],
    ]
    fp.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i][0], 12)
      expect(p[1]).toBeCloseTo(expected[i][1], 12)
    })
    // signed area > 0 ⇒ counter-clockwise, and equals w·d
    let a2 = 0
    for (let i = 0; i < 4; i++) a2 += fp[i][0] * fp[(i + 1) % 4][1] - fp[(i + 1) % 4][0] * fp[i][1]
    expect(a2 / 2).toBeCloseTo(0.08, 12)
  })

  it('yaw 90° swaps the width onto world y', () => {
    const fp = footprint(box([0, 0, 0], [0.4, 0.2, 1], 90))
    const xs = fp.map((p) => p[0])
    const ys = fp.map((p) => p[1])
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(0.2, 12)
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(0.4, 12)
  })

  it('eight corners span the height', () => {
    const cs = boxCorners(box([0, 0, 0.5], [0.2, 0.2, 0.3], 30))
    expect(cs).toHaveLength(8)
    expect(cs.slice(0, 4).every((c) => Math.abs(c[2] - 0.35) < 1e-12)).toBe(true)
    expect(cs.slice(4).every((c) => Math.abs(c[2] - 0.65) < 1e-12)).toBe(true)
  })

  it('point in a rotated footprint', () => {
    const b = box([0, 0, 0], [0.2, 0.2, 0.1], 45)
    expect(pointInFootprint(b, 0.14, 0)).toBe(true) // corner at 0.1414 on +x
    expect(pointInFootprint(b, 0.09, 0.09)).toBe(false) // face at distance 0.1 along the diagonal: 0.127 > 0.1
  })
})

describe('closestBoxDistance (hand-worked)', () => {
  it('axis-aligned boxes side by side: 0.3 − 0.05 − 0.1 = 0.15 m', () => {
    const r = closestBoxDistance(
      box([0, 0, 0.05], [0.1, 0.1, 0.1]),
      box([0.3, 0, 0.05], [0.2, 0.1, 0.1]),
    )
    expect(r.distanceM).toBeCloseTo(0.15, 12)
    expect(r.verticalM).toBe(0)
    expect(r.pointOnA[0]).toBeCloseTo(0.05, 12)
    expect(r.pointOnB[0]).toBeCloseTo(0.2, 12)
    const d = Math.hypot(...(r.pointOnB.map((v, i) => v - r.pointOnA[i]) as Vec3))
    expect(d).toBeCloseTo(0.15, 12)
  })

  it('adds the z gap in quadrature: sqrt(0.15² + 0.15²)', () => {
    const r = closestBoxDistance(
      box([0, 0, 0.05], [0.1, 0.1, 0.1]),
      box([0.3, 0, 0.3], [0.2, 0.1, 0.1]),
    )
    expect(r.horizontalM).toBeCloseTo(0.15, 12)
    expect(r.verticalM).toBeCloseTo(0.15, 12)
    expect(r.distanceM).toBeCloseTo(Math.sqrt(0.045), 12)
    expect(r.pointOnA[2]).toBeCloseTo(0.1, 12)
    expect(r.pointOnB[2]).toBeCloseTo(0.25, 12)
  })

  it('45°-rotated square: its corner at 0.1·√2 faces the other box at x = 0.4', () => {
    const r = closestBoxDistance(
      box([0, 0, 0.1], [0.2, 0.2, 0.2], 45),
      box([0.5, 0, 0.1], [0.2, 0.2, 0.2]),
    )
    expect(r.distanceM).toBeCloseTo(0.4 - 0.1 * SQ2, 10)
    expect(r.pointOnA[0]).toBeCloseTo(0.1 * SQ2, 10)
    expect(r.pointOnA[1]).toBeCloseTo(0, 10)
    expect(r.pointOnB[0]).toBeCloseTo(0.4, 10)
    expect(r.pointOnB[1]).toBeCloseTo(0, 10)
  })

  it('corner of B against a face of the rotated A: 0.4·√2 − 0.1', () => {
    const r = closestBoxDistance(
      box([0, 0, 0.1], [0.2, 0.2, 0.2], 45),
      box([0.5, 0.5, 0.1], [0.2, 0.2, 0.2]),
    )
    expect(r.distanceM).toBeCloseTo(0.4 * SQ2 - 0.1, 10)
    expect(r.pointOnA[0]).toBeCloseTo(0.1 / SQ2, 10)
    expect(r.pointOnA[1]).toBeCloseTo(0.1 / SQ2, 10)
    expect(r.pointOnB[0]).toBeCloseTo(0.4, 10)
    expect(r.pointOnB[1]).toBeCloseTo(0.4, 10)
  })

  it('overlapping boxes have distance 0 and a shared point inside both', () => {
    const a = box([0, 0, 0.1], [0.2, 0.2, 0.2])
    const b = box([0.1, 0.05, 0.15], [0.2, 0.2, 0.2], 30)
    const r = closestBoxDistance(a, b)
    expect(r.distanceM).toBe(0)
    expect(pointInFootprint(a, r.pointOnA[0], r.pointOnA[1], 1e-9)).toBe(true)
    expect(pointInFootprint(b, r.pointOnA[0], r.pointOnA[1], 1e-9)).toBe(true)
    expect(r.pointOnA[2]).toBeCloseTo(0.125, 12) // middle of the common z range [0.05, 0.2]
  })

  it('is symmetric', () => {
    const a = box([0.1, 0.3, 0.1], [0.3, 0.1, 0.2], 20)
    const b = box([0.5, 0.7, 0.05], [0.1, 0.2, 0.1], -35)
    expect(closestBoxDistance(a, b).distanceM).toBeCloseTo(closestBoxDistance(b, a).distanceM, 12)
  })
})

/** Independent: point → rectangle distance in the rectangle's own frame, sampled along the other perimeter. */
function gtRect(o: GtObject): { c: [number, number]; hw: number; hd: number; yaw: number } {
  const w = o.shape === 'cylinder' ? o.size_m.diameter! : o.size_m.width!
  const d = o.shape === 'cylinder' ? o.size_m.diameter! : o.size_m.depth!
  return {
    c: [o.centre_world[0], o.centre_world[1]],
    hw: w / 2,
    hd: d / 2,
    yaw: (o.yaw_deg * Math.PI) / 180,
  }
}
function perimeter(r: ReturnType<typeof gtRect>, n: number): Array<[number, number]> {
  const pts: Array<[number, number]> = []
  const cs = Math.cos(r.yaw)
  const sn = Math.sin(r.yaw)
  const local: Array<[number, number]> = [
    [r.hw, r.hd],
    [-r.hw, r.hd],
    [-r.hw, -r.hd],
    [r.hw, -r.hd],
  ]
  for (let e = 0; e < 4; e++) {
    const p = local[e]
    const q = local[(e + 1) % 4]
    for (let i = 0; i < n; i++) {
      const x = p[0] + ((q[0] - p[0]) * i) / n
      const y = p[1] + ((q[1] - p[1]) * i) / n
      pts.push([r.c[0] + cs * x - sn * y, r.c[1] + sn * x + cs * y])
    }
  }
  return pts
}
function pointRectDistance(p: [number, number], r: ReturnType<typeof gtRect>): number {
  const dx = p[0] - r.c[0]
  const dy = p[1] - r.c[1]
  const lx = Math.cos(r.yaw) * dx + Math.sin(r.yaw) * dy
  const ly = -Math.sin(r.yaw) * dx + Math.cos(r.yaw) * dy
  return Math.hypot(Math.max(0, Math.abs(lx) - r.hw), Math.max(0, Math.abs(ly) - r.hd))
}

describe('closestBoxDistance on the ground-truth tabletop (brute-force cross-check)', () => {
  const gt = loadGroundTruth()
  for (let i = 0; i < gt.objects.length; i++) {
    for (let j = i + 1; j < gt.objects.length; j++) {
      const A = gt.objects[i]
      const B = gt.objects[j]
      it(`${A.name} ↔ ${B.name}`, () => {
        const ra = gtRect(A)
        const rb = gtRect(B)
        let brute = Infinity
        for (const p of perimeter(ra, 2000)) brute = Math.min(brute, pointRectDistance(p, rb))
        for (const p of perimeter(rb, 2000)) brute = Math.min(brute, pointRectDistance(p, ra))
        const toBox = (o: GtObject): ObjectBox => {
          const r = gtRect(o)
          return box(o.centre_world, [2 * r.hw, 2 * r.hd, o.size_m.height], o.yaw_deg)
        }
        // all objects stand on the table, so the z ranges overlap and the gap is the footprint distance
        const r = closestBoxDistance(toBox(A), toBox(B))
        expect(r.verticalM).toBe(0)
        expect(r.distanceM).toBeGreaterThan(0)
        expect(Math.abs(r.distanceM - brute)).toBeLessThan(2e-4)
      })
    }
  }
})

describe('centreLineGap (hand-worked)', () => {
  it('axis-aligned: exits A at x = 0.05, enters B at x = 0.2', () => {
    const g = centreLineGap(
      box([0, 0, 0.05], [0.1, 0.1, 0.1]),
      box([0.3, 0, 0.05], [0.2, 0.1, 0.1]),
    )
    expect(g.gapM).toBeCloseTo(0.15, 12)
    expect(g.exitFromA[0]).toBeCloseTo(0.05, 12)
    expect(g.entryIntoB[0]).toBeCloseTo(0.2, 12)
    expect(g.exitFromA[2]).toBeCloseTo(0.05, 12)
  })

  it('rotated A: the centre line leaves through the corner at 0.1·√2', () => {
    const g = centreLineGap(
      box([0, 0, 0.1], [0.2, 0.2, 0.2], 45),
      box([0.5, 0, 0.1], [0.2, 0.2, 0.2]),
    )
    expect(g.gapM).toBeCloseTo(0.4 - 0.1 * SQ2, 10)
  })

  it('diagonal line between axis-aligned boxes: 0.5·√2 − 2·0.1·√2', () => {
    const g = centreLineGap(
      box([0, 0, 0.1], [0.2, 0.2, 0.2]),
      box([0.5, 0.5, 0.1], [0.2, 0.2, 0.2]),
    )
    expect(g.gapM).toBeCloseTo(0.5 * SQ2 - 0.2 * SQ2, 10)
    expect(g.exitFromA[0]).toBeCloseTo(0.1, 10)
    expect(g.entryIntoB[1]).toBeCloseTo(0.4, 10)
  })

  it('is ≤ 0 when the footprints overlap along the line', () => {
    const g = centreLineGap(box([0, 0, 0.1], [0.2, 0.2, 0.2]), box([0.1, 0, 0.1], [0.2, 0.2, 0.2]))
    expect(g.gapM).toBeCloseTo(-0.1, 12)
    const same = centreLineGap(box([0, 0, 0.1], [0.2, 0.2, 0.2]), box([0, 0, 0.3], [0.1, 0.1, 0.1]))
    expect(same.gapM).toBeLessThan(0)
  })

  it('mug ↔ box_tall of the tabletop: 18.876 cm worked by hand', () => {
    // mug exits at t = 0.045/0.28; box_tall (yaw −15°) is entered at 1 − 0.05/0.244577; |d| = 0.297321
    const g = centreLineGap(
      box([-0.08, 0.95, 0.05], [0.09, 0.09, 0.1]),
      box([0.2, 1.05, 0.11], [0.1, 0.1, 0.22], -15),
    )
    expect(g.gapM).toBeCloseTo(0.188755, 5)
  })
})
