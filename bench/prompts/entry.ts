// Bundled by bench/prompts.js (esbuild): times point prompts and box prompts → objects on one frame.
import { buildScene } from '../../main/engine/scene/buildScene'
import { backproject } from '../../main/engine/scene/backproject'
import { fitBox } from '../../main/engine/scene/fitBox'
import { growSurfaceFromPoint } from '../../main/engine/scene/surfaceGrow'
import { createSurfaceField } from '../../main/engine/scene/surfaceScore'
import { growSurfaceFromPoint as growV1 } from '../reference/surfaceGrowV1'
import { clusterPointsV1 } from '../reference/clusterPointsV1'
import { clusterPoints } from '../../main/engine/scene/clusterObjects'
import { clusteringArea } from '../../main/engine/scene/regionComponents'
import { gatherPoints } from '../../main/engine/scene/liftContext'
import { quantileInPlace } from '../../main/engine/geometry/quantileSelect'
import { quantileSorted } from '../../main/engine/geometry/stats'
import type { Frame, RegionPrompt } from '../../main/engine/types'

/** CPU time of this process, ms: steadier than wall time on a machine shared with other work. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]

/** Median CPU time of `repeat` runs of fn, ms. */
function timeMs(repeat: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = cpuNow()
    fn()
    times.push(cpuNow() - start)
  }
  return medianOf(times)
}

export function benchPrompts(frame: Frame, repeat: number, detectorRegions: RegionPrompt[]) {
  const plain = buildScene(frame)
  // Prompt points: the image centre of each of the 9 largest geometry objects; boxes: their image bounds.
  const objects = plain.objects.slice(0, 9)
  const width = frame.intrinsics.width
  const points: [number, number][] = objects.map((o) => {
    const pixel = o.pixelIndices[Math.floor(o.pixelIndices.length / 2)]
    return [pixel % width, Math.floor(pixel / width)]
  })
  const boxes: RegionPrompt[] = plain.objects.slice(0, 32).map((o, i) => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
    for (const p of o.pixelIndices) {
      const u = p % width
      const v = (p - u) / width
      x0 = Math.min(x0, u)
      y0 = Math.min(y0, v)
      x1 = Math.max(x1, u + 1)
      y1 = Math.max(y1, v + 1)
    }
    return { label: `object ${i}`, box: [x0, y0, x1, y1], source: 'detector' }
  })
  const pointRegions: RegionPrompt[] = points.map((point, i) => ({ label: `p${i}`, point }))
  // Per configuration: the scene's CPU time, and the CPU time of turning regions into objects (its
  // 'cluster' and 'boxes' stages), estimated as the CPU time × those stages' share of the wall time.
  const median = (regions: RegionPrompt[]) => {
    const runs = Array.from({ length: repeat }, () => {
      const start = cpuNow()
      const scene = buildScene(frame, { regions })
      const cpuMs = cpuNow() - start
      const share = (scene.timingsMs.cluster + scene.timingsMs.boxes) / scene.totalMs
      return { cpuMs, objectsCpuMs: cpuMs * share, objects: scene.objects.length }
    })
    return {
      cpuMs: medianOf(runs.map((r) => r.cpuMs)),
      objectsCpuMs: medianOf(runs.map((r) => r.objectsCpuMs)),
      objects: runs[0].objects,
    }
  }
  // Growth alone, on the same inputs: the previous algorithm (per prompt, per-pixel closures) vs the shared field.
  const cloud = backproject(frame.depth!, frame.intrinsics)
  // Candidates: pixels more than 1 cm off the scene's support plane (as the scene's own segmentation).
  const plane = plain.plane
  const isCandidate = new Uint8Array(width * frame.intrinsics.height)
  for (let i = 0; i < cloud.count; i++) {
    const [x, y, z] = [
      cloud.pointsInCamera[i * 3],
      cloud.pointsInCamera[i * 3 + 1],
      cloud.pointsInCamera[i * 3 + 2],
    ]
    const height = plane
      ? plane.normal[0] * x + plane.normal[1] * y + plane.normal[2] * z + plane.offset
      : 1
    if (Math.abs(height) > 0.01) isCandidate[cloud.pixelOfPoint[i]] = 1
  }
  const input = {
    depth: frame.depth!,
    intrinsics: frame.intrinsics,
    pointsInCamera: cloud.pointsInCamera,
    pointOfPixel: cloud.pointOfPixel,
    isCandidate,
    relativeNoise: plain.provenance.depthNoiseRel,
  }
  // Box baseline: the least any box → object path does: lift the box's pixels, keep a depth band
  // around their median, fit the box (no background rejection, no touching-object split).
  const boxBaseline = timeMs(repeat, () => {
    for (const region of boxes) {
      if (!('box' in region)) continue
      const [x0, y0, x1, y1] = region.box
      const depths: number[] = []
      const ids: number[] = []
      for (let v = y0; v < y1; v++) {
        for (let u = x0; u < x1; u++) {
          const point = cloud.pointOfPixel[v * width + u]
          if (point < 0) continue
          ids.push(point)
          depths.push(cloud.pointsInCamera[point * 3 + 2])
        }
      }
      const median = Float64Array.from(depths).sort()[depths.length >> 1]
      const kept = ids.filter((_, k) => Math.abs(depths[k] - median) < 0.1)
      const world = new Float32Array(kept.length * 3)
      const m = plain.worldFromCamera
      kept.forEach((point, k) => {
        const [x, y, z] = [
          cloud.pointsInCamera[point * 3],
          cloud.pointsInCamera[point * 3 + 1],
          cloud.pointsInCamera[point * 3 + 2],
        ]
        for (let r = 0; r < 3; r++)
          world[k * 3 + r] = m[r] * x + m[4 + r] * y + m[8 + r] * z + m[12 + r]
      })
      fitBox(world, plain.worldFromCamera, { topNoiseM: 0.003, hasSupportPlane: plane !== null })
    }
  })
  const growPrevious = timeMs(repeat, () => points.forEach(([u, v]) => growV1(input, u, v)))
  // Agreement of the two growths on the same clicks (IoU of the pixel sets), so speed is not bought with accuracy.
  const sharedField = createSurfaceField(input)
  const agreement = points.map(([u, v]) => {
    const before = new Set(growV1(input, u, v))
    const now = growSurfaceFromPoint(input, u, v, sharedField)
    let both = 0
    for (const pixel of now) if (before.has(pixel)) both++
    return both / Math.max(1, before.size + now.length - both)
  })
  const growShared = timeMs(repeat, () => {
    const field = createSurfaceField(input)
    points.forEach(([u, v]) => growSurfaceFromPoint(input, u, v, field))
  })
  const components = compareComponents(
    frame,
    cloud,
    isCandidate,
    detectorRegions,
    plain.worldFromCamera,
    repeat,
  )
  return {
    components,
    points: points.length,
    boxes: boxes.length,
    pointPrompts: median(pointRegions),
    boxPrompts: median(boxes),
    detectorPrompts: median(detectorRegions),
    detectorRegions: detectorRegions.length,
    noPrompts: median([]),
    growPrevious,
    growShared,
    boxBaseline,
    agreement,
  }
}

/**
 * The box prompts' 3D components (regionComponents: median depth → voxel, clustering inside the prompts' area) by
 * the previous code (sorting every depth, copying the points, three-key voxel hash: bench/reference) and the current
 * one, on the same points in the same run; whether both give the same partition.
 */
function compareComponents(
  frame: Frame,
  cloud: ReturnType<typeof backproject>,
  isCandidate: Uint8Array,
  regions: RegionPrompt[],
  worldFromCamera: Float64Array,
  repeat: number,
) {
  const { width, height, fx } = frame.intrinsics
  const area = clusteringArea(regions, width, height)
  const m = worldFromCamera
  const world = new Float32Array(cloud.count * 3)
  const ids: number[] = []
  for (let i = 0; i < cloud.count; i++) {
    const [x, y, z] = [0, 1, 2].map((a) => cloud.pointsInCamera[i * 3 + a])
    for (let r = 0; r < 3; r++)
      world[i * 3 + r] = m[r] * x + m[4 + r] * y + m[8 + r] * z + m[12 + r]
    if (isCandidate[cloud.pixelOfPoint[i]] && area[cloud.pixelOfPoint[i]]) ids.push(i)
  }
  const selected = Uint32Array.from(ids)
  const depths = () => Float64Array.from(selected, (i) => cloud.pointsInCamera[i * 3 + 2])
  const options = (median: number) => ({
    voxelSizeM: Math.min(0.04, Math.max(0.01, (2.5 * median) / fx)),
    minPoints: 1,
    minExtentM: 0,
    maxExtentM: Infinity,
  })
  let previous: Uint32Array[] = []
  let current: Uint32Array[] = []
  const previousMs = timeMs(repeat, () => {
    const median = quantileSorted(depths().sort(), 0.5)
    previous = clusterPointsV1(gatherPoints(world, selected), options(median))
  })
  const currentMs = timeMs(repeat, () => {
    current = clusterPoints(world, options(quantileInPlace(depths(), 0.5)), selected)
  })
  const key = (lists: Uint32Array[]) =>
    lists
      .map((l) =>
        Array.from(l)
          .sort((a, b) => a - b)
          .join(','),
      )
      .sort()
      .join(';')
  return {
    points: selected.length,
    previousMs,
    currentMs,
    isSamePartition: key(previous) === key(current),
  }
}
