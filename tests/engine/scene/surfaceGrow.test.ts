import { describe, expect, it } from 'vitest'
import { backproject } from '../../../main/engine/scene/backproject'
import { estimateRelativeDepthNoise } from '../../../main/engine/scene/depthNoise'
import { growSurfaceFromPoint, type SurfaceGrowInput } from '../../../main/engine/scene/surfaceGrow'
import { createRandom } from '../../../main/engine/random'
import { rayCastScene, type RayCastScene, type SolidSpec } from '../../helpers/rayCastScene'

/** 480×360, f = 420 px (≈ 60° across), camera 0.6 m above the table, pitched 35° down. */
const CAMERA = { width: 480, height: 360, focalPx: 420 }

const SINGLE: SolidSpec[] = [
  { kind: 'box', center: [0.05, 0.8], size: [0.12, 0.09, 0.08], yawDeg: 20 },
]

/** A low box pressed against the front face of a taller, wider box behind it; a can touching the low box. */
const STACK: SolidSpec[] = [
  { kind: 'box', center: [-0.1, 0.72], size: [0.12, 0.08, 0.07] },
  { kind: 'box', center: [-0.08, 0.81], size: [0.16, 0.1, 0.16] },
  { kind: 'cylinder', center: [0.0, 0.7], radius: 0.04, height: 0.12 },
]

/**
 * Two boxes of different heights side by side (the taller one 3 cm further back, so its left face
 * rises above the low box's top), a can touching the low box's left face, and a yawed box whose
 * face touches the can.
 */
const ROW: SolidSpec[] = [
  { kind: 'box', center: [0.05, 0.8], size: [0.1, 0.1, 0.08] },
  { kind: 'box', center: [0.15, 0.83], size: [0.1, 0.1, 0.14] },
  { kind: 'cylinder', center: [-0.035, 0.78], radius: 0.035, height: 0.1 },
  {
    kind: 'box',
    center: [-0.035 - 0.085 * Math.cos(Math.PI / 6), 0.78 - 0.085 * Math.sin(Math.PI / 6)],
    size: [0.1, 0.08, 0.06],
    yawDeg: 30,
  },
]

/** Candidates from the ground truth: plane removal and flying-pixel filtering are not under test here. */
function inputOf(scene: RayCastScene): SurfaceGrowInput {
  const cloud = backproject(scene.depth, scene.intrinsics)
  return {
    depth: scene.depth,
    intrinsics: scene.intrinsics,
    pointsInCamera: cloud.pointsInCamera,
    pointOfPixel: cloud.pointOfPixel,
    isCandidate: Uint8Array.from(scene.objectId, (id) => (id >= 0 ? 1 : 0)),
    relativeNoise: estimateRelativeDepthNoise(scene.depth),
  }
}

function countOf(scene: RayCastScene, id: number): number {
  let n = 0
  for (const value of scene.objectId) if (value === id) n++
  return n
}

/** IoU with the object's ground-truth mask, and the share of the region on other objects. */
function scoreRegion(
  scene: RayCastScene,
  region: Uint32Array,
  id: number,
): { iou: number; foreign: number } {
  let hit = 0
  let foreign = 0
  for (const pixel of region) {
    if (scene.objectId[pixel] === id) hit++
    else if (scene.objectId[pixel] >= 0) foreign++
  }
  const iou = hit / (countOf(scene, id) + region.length - hit)
  return { iou, foreign: foreign / Math.max(1, region.length) }
}

/** Seeded clicks on an object, each at least `inset` px inside its outline (a user clicks on it, not on its edge). */
function clicksOn(scene: RayCastScene, id: number, count: number, inset = 3): [number, number][] {
  const { width, height } = scene.depth
  const inner: number[] = []
  for (let v = inset; v < height - inset; v++) {
    for (let u = inset; u < width - inset; u++) {
      let inside = true
      for (let dv = -inset; dv <= inset && inside; dv++) {
        for (let du = -inset; du <= inset && inside; du++)
          inside = scene.objectId[(v + dv) * width + u + du] === id
      }
      if (inside) inner.push(v * width + u)
    }
  }
  const random = createRandom(1000 + id)
  return Array.from({ length: count }, () => {
    const pixel = inner[Math.floor(random() * inner.length)]
    return [pixel % width, Math.floor(pixel / width)]
  })
}

/** 4-neighbour pixel pairs of two different objects whose depths differ by under 2 %: touching without a step. */
function continuousContacts(scene: RayCastScene): number {
  const { width, height, data } = scene.depth
  let contacts = 0
  for (let v = 0; v < height - 1; v++) {
    for (let u = 0; u < width - 1; u++) {
      const p = v * width + u
      for (const q of [p + 1, p + width]) {
        const a = scene.objectId[p]
        const b = scene.objectId[q]
        if (a >= 0 && b >= 0 && a !== b && Math.abs(data[p] - data[q]) < 0.02 * data[p]) contacts++
      }
    }
  }
  return contacts
}

describe('growSurfaceFromPoint: single box', () => {
  const scene = rayCastScene({ ...CAMERA, solids: SINGLE })
  const input = inputOf(scene)

  it('returns the whole box, top and front faces across the convex edge (IoU ≥ 0.9)', () => {
    const top = (pixel: number) => Math.abs(scene.worldZ[pixel] - 0.08) < 1e-4
    for (const [u, v] of clicksOn(scene, 0, 5)) {
      const region = growSurfaceFromPoint(input, u, v)
      expect(scoreRegion(scene, region, 0).iou).toBeGreaterThanOrEqual(0.9)
      const faces = { top: 0, sides: 0 }
      for (const pixel of region) faces[top(pixel) ? 'top' : 'sides']++
      let truthTop = 0
      for (let i = 0; i < scene.objectId.length; i++)
        if (scene.objectId[i] === 0 && top(i)) truthTop++
      expect(faces.top).toBeGreaterThan(0.9 * truthTop)
      expect(faces.sides).toBeGreaterThan(0.9 * (countOf(scene, 0) - truthTop))
    }
  })

  it('returns sorted, unique candidate pixels', () => {
    const [u, v] = clicksOn(scene, 0, 1)[0]
    const region = growSurfaceFromPoint(input, u, v)
    for (let i = 0; i < region.length; i++) {
      expect(input.isCandidate[region[i]]).toBe(1)
      if (i > 0) expect(region[i]).toBeGreaterThan(region[i - 1])
    }
  })
})

describe.each([
  ['stack', STACK],
  ['row', ROW],
])('growSurfaceFromPoint: touching objects (%s)', (_, solids) => {
  it('is real clutter: the objects touch with continuous depth, not only at depth steps', () => {
    expect(continuousContacts(rayCastScene({ ...CAMERA, solids }))).toBeGreaterThan(40)
  })

  it.each([0, 0.003])(
    'clicking each object returns that object only (depth noise %s)',
    (noiseRel) => {
      const scene = rayCastScene({ ...CAMERA, solids, noiseRel, seed: 7 })
      const input = inputOf(scene)
      solids.forEach((_solid, id) => {
        for (const [u, v] of clicksOn(scene, id, 5)) {
          const { iou, foreign } = scoreRegion(scene, growSurfaceFromPoint(input, u, v), id)
          expect(iou, `object ${id} clicked at (${u}, ${v})`).toBeGreaterThanOrEqual(0.8)
          expect(foreign, `object ${id} clicked at (${u}, ${v})`).toBeLessThan(0.05)
        }
      })
    },
  )
})

describe('growSurfaceFromPoint: clicks off the objects', () => {
  const scene = rayCastScene({ ...CAMERA, solids: STACK, noiseRel: 0.003, seed: 3 })
  const input = inputOf(scene)
  const { width, height } = scene.depth

  /** Pixel nearest to (u, v) along a column whose id matches, searching downwards. */
  function firstBelow(u: number, v: number, accept: (id: number) => boolean): number {
    for (let y = v; y < height; y++) if (accept(scene.objectId[y * width + u])) return y
    return -1
  }

  it('snaps a click on the table just below an object to that object', () => {
    const [u, v] = clicksOn(scene, 2, 1)[0]
    const tableRow = firstBelow(u, v, (id) => id === -1) // first table pixel under the can
    expect(tableRow).toBeGreaterThan(0)
    const region = growSurfaceFromPoint(input, u, tableRow + 3)
    expect(input.isCandidate[(tableRow + 3) * width + u]).toBe(0)
    expect(scoreRegion(scene, region, 2).iou).toBeGreaterThanOrEqual(0.8)
  })

  it('returns nothing for a click on empty table or on nothing', () => {
    expect(growSurfaceFromPoint(input, 20, height - 20)).toHaveLength(0) // bare table, far from objects
    expect(scene.objectId[5 * width + 5]).toBe(-2)
    expect(growSurfaceFromPoint(input, 5, 5)).toHaveLength(0) // beyond the table
    expect(growSurfaceFromPoint(input, -50, 1e6)).toHaveLength(0)
    expect(growSurfaceFromPoint(input, Number.NaN, 10)).toHaveLength(0)
  })
})
