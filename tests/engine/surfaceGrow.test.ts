import { describe, expect, it } from 'vitest'
import { backproject } from '../../main/engine/scene/backproject'
import { estimateRelativeDepthNoise } from '../../main/engine/scene/depthNoise'
import { growSurfaceFromPoint, type SurfaceGrowInput } from '../../main/engine/scene/surfaceGrow'
import { createRandom } from '../../main/engine/random'
import { rayCastScene, type RayCastScene, type SolidSpec } from '../helpers/rayCastScene'

const SIZE = { width: 480, height: 360, focalPx: 420 }

/** Front box, a taller box it leans against (set back, wider), a can touching the front box. */
const STACK: SolidSpec[] = [
  { kind: 'box', center: [-0.1, 0.72], size: [0.12, 0.08, 0.07] },
  { kind: 'box', center: [-0.08, 0.81], size: [0.16, 0.1, 0.16] },
  { kind: 'cylinder', center: [0.0, 0.7], radius: 0.04, height: 0.12 },
]
/** Two boxes of different heights side by side (the taller one 3 cm further back), a can touching the short one. */
const ROW: SolidSpec[] = [
  { kind: 'box', center: [0.05, 0.8], size: [0.1, 0.1, 0.08] },
  { kind: 'box', center: [0.15, 0.83], size: [0.1, 0.1, 0.14] },
  { kind: 'cylinder', center: [-0.035, 0.78], radius: 0.035, height: 0.1 },
  { kind: 'box', center: [-0.15, 0.85], size: [0.12, 0.08, 0.1], yawDeg: 30 },
]

function inputOf(scene: RayCastScene): SurfaceGrowInput {
  const cloud = backproject(scene.depth, scene.intrinsics)
  const isCandidate = Uint8Array.from(scene.objectId, (id) => (id >= 0 ? 1 : 0))
  return {
    depth: scene.depth,
    intrinsics: scene.intrinsics,
    pointsInCamera: cloud.pointsInCamera,
    pointOfPixel: cloud.pointOfPixel,
    isCandidate,
    relativeNoise: estimateRelativeDepthNoise(scene.depth),
  }
}

interface Score {
  iou: number
  foreign: number
}

function scoreRegion(scene: RayCastScene, region: Uint32Array, id: number): Score {
  let truth = 0
  for (const value of scene.objectId) if (value === id) truth++
  let hit = 0
  let foreign = 0
  for (const pixel of region) {
    if (scene.objectId[pixel] === id) hit++
    else if (scene.objectId[pixel] >= 0) foreign++
  }
  return { iou: hit / (truth + region.length - hit), foreign: foreign / Math.max(1, region.length) }
}

/** Deterministic clicks on an object: pixels whose 7×7 neighbourhood is all that object. */
function clicksOn(scene: RayCastScene, id: number, count: number, seed: number): [number, number][] {
  const { width, height } = scene.depth
  const inner: number[] = []
  for (let v = 3; v < height - 3; v++)
    for (let u = 3; u < width - 3; u++) {
      let ok = true
      for (let dv = -3; dv <= 3 && ok; dv++)
        for (let du = -3; du <= 3 && ok; du++) ok = scene.objectId[(v + dv) * width + u + du] === id
      if (ok) inner.push(v * width + u)
    }
  const random = createRandom(seed)
  return Array.from({ length: count }, () => {
    const pixel = inner[Math.floor(random() * inner.length)]
    return [pixel % width, Math.floor(pixel / width)] as [number, number]
  })
}

function evaluate(solids: SolidSpec[], noiseRel: number) {
  const scene = rayCastScene({ ...SIZE, solids, noiseRel, seed: 7 })
  const input = inputOf(scene)
  const rows: { id: number; click: [number, number]; score: Score }[] = []
  solids.forEach((_, id) => {
    for (const click of clicksOn(scene, id, 6, 100 + id)) {
      rows.push({ id, click, score: scoreRegion(scene, growSurfaceFromPoint(input, click[0], click[1]), id) })
    }
  })
  return rows
}

describe('growSurfaceFromPoint', () => {
  for (const [name, solids] of [['single', [{ kind: 'box', center: [0.05, 0.8], size: [0.12, 0.09, 0.08], yawDeg: 20 }]], ['stack', STACK], ['row', ROW]] as const) {
    for (const noise of [0, 0.003]) {
      it(`${name} noise ${noise}`, () => {
        const rows = evaluate(solids as SolidSpec[], noise)
        for (const row of rows) console.log(name, noise, row.id, row.click.join(','), row.score.iou.toFixed(3), row.score.foreign.toFixed(3))
        expect(rows.length).toBeGreaterThan(0)
      })
    }
  }
})
