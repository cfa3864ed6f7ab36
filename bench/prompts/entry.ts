// Bundled by bench/prompts.js (esbuild): times point prompts and box prompts → objects on one frame.
import { buildScene } from '../../main/engine/scene/buildScene'
import { backproject } from '../../main/engine/scene/backproject'
import { growSurfaceFromPoint } from '../../main/engine/scene/surfaceGrow'
import { createSurfaceField } from '../../main/engine/scene/surfaceScore'
import { growSurfaceFromPoint as growV1 } from '../reference/surfaceGrowV1'
import type { Frame, RegionPrompt } from '../../main/engine/types'

const now = () => performance.now()

/** Median of `repeat` runs of fn, ms. */
function timeMs(repeat: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = now()
    fn()
    times.push(now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
}

export function benchPrompts(frame: Frame, repeat: number) {
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
  const stage = (regions: RegionPrompt[]) => {
    const scene = buildScene(frame, { regions })
    return {
      clusterMs: scene.timingsMs.cluster,
      boxesMs: scene.timingsMs.boxes,
      totalMs: scene.totalMs,
      objects: scene.objects.length,
    }
  }
  const median = (regions: RegionPrompt[]) => {
    const runs = Array.from({ length: repeat }, () => stage(regions))
    const pick = (key: 'clusterMs' | 'boxesMs' | 'totalMs') =>
      runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(repeat / 2)]
    return {
      clusterMs: pick('clusterMs'),
      boxesMs: pick('boxesMs'),
      totalMs: pick('totalMs'),
      objects: runs[0].objects,
    }
  }
  // Growth alone, on the same inputs: the previous algorithm (per prompt, per-pixel closures) vs the shared field.
  const cloud = backproject(frame.depth!, frame.intrinsics)
  const input = {
    depth: frame.depth!,
    intrinsics: frame.intrinsics,
    pointsInCamera: cloud.pointsInCamera,
    pointOfPixel: cloud.pointOfPixel,
    isCandidate: Uint8Array.from({ length: width * frame.intrinsics.height }, (_, p) =>
      cloud.pointOfPixel[p] >= 0 ? 1 : 0,
    ),
    relativeNoise: plain.provenance.depthNoiseRel,
  }
  const growPrevious = timeMs(repeat, () => points.forEach(([u, v]) => growV1(input, u, v)))
  const growShared = timeMs(repeat, () => {
    const field = createSurfaceField(input)
    points.forEach(([u, v]) => growSurfaceFromPoint(input, u, v, field))
  })
  return {
    points: points.length,
    boxes: boxes.length,
    pointPrompts: median(pointRegions),
    boxPrompts: median(boxes),
    noPrompts: median([]),
    growPrevious,
    growShared,
  }
}
