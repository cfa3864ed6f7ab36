import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { loadRgbdFrame } from '../../main/sources/rgbdFrame'
import { sampleFramePaths } from '../../main/app/paths'
import type { SceneResult } from '../../main/contract/channels'
import type { Frame, Vec3 } from '../../main/engine/types'

// The 2D view's image and the pixel / measure queries, on the embedded sample through the service.
process.env.SPATIAL_LENS_MODELS = mkdtempSync(join(tmpdir(), 'spatial-lens-models-'))
const service = new SpatialService(new InlineSceneExecutor(), 'serve')
let result: SceneResult
let frame: Frame

beforeAll(async () => {
  const analyzed = await service.handle('scene:analyze', { frame: { kind: 'sample' }, regions: [] })
  if (!analyzed.ok) throw new Error(analyzed.error.message)
  result = analyzed.value
  frame = await loadRgbdFrame({ ...sampleFramePaths(), cameraId: 'sample' })
})
afterAll(() => service.dispose())

/** Projects a world point to pixel coordinates (centres at integers) with the summary's pose. */
function projectToPixel(pointInWorld: Vec3): [number, number] {
  const m = result.summary.worldFromCamera
  const d = [pointInWorld[0] - m[12], pointInWorld[1] - m[13], pointInWorld[2] - m[14]]
  // cameraFromWorld rotation = transpose of the world-from-camera rotation (columns 0..2).
  const camera = [0, 1, 2].map((c) => m[c * 4] * d[0] + m[c * 4 + 1] * d[1] + m[c * 4 + 2] * d[2])
  const { fx, fy, cx, cy } = result.summary.intrinsics
  return [(camera[0] / camera[2]) * fx + cx, (camera[1] / camera[2]) * fy + cy]
}

describe('scene:analyze image for the 2D view', () => {
  it('carries the colour image as bytes, pixel for pixel', () => {
    const { image } = result
    expect([image.width, image.height]).toEqual([frame.rgb.width, frame.rgb.height])
    expect(image.rgb).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(image.rgb).equals(Buffer.from(frame.rgb.data))).toBe(true)
  })

  it("marks each object's pixels, inside the object's 2D box", () => {
    const { image, summary } = result
    for (const object of summary.objects) {
      const [x0, y0, x1, y1] = object.boxInImagePx!
      let count = 0
      let outside = 0
      for (let i = 0; i < image.objectOfPixel.length; i++) {
        if (image.objectOfPixel[i] !== object.id) continue
        count++
        const x = i % image.width
        const y = Math.floor(i / image.width)
        if (x < x0 || x >= x1 || y < y0 || y >= y1) outside++
      }
      expect(outside).toBe(0)
      expect(count).toBeGreaterThan(0.8 * object.pointCount)
      expect(count).toBeLessThanOrEqual(object.pointCount)
    }
  })
})

describe('scene:pointAt', () => {
  it('gives the depth and the 3D point under a pixel of an object, and names the object', async () => {
    const { summary, image } = result
    const laptop = summary.objects.find((o) => o.label === 'laptop')!
    const pixel = image.objectOfPixel.findIndex((id) => id === laptop.id)
    const u = pixel % image.width
    const v = Math.floor(pixel / image.width)
    const reply = await service.handle('scene:pointAt', { sceneId: summary.sceneId, pixel: [u, v] })
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    expect(reply.value.objectName).toBe(laptop.name)
    expect(reply.value.depthPixel).toEqual([u, v])
    expect(reply.value.depthM).toBeCloseTo(frame.depth!.data[v * frame.depth!.width + u], 6)
    const [pu, pv] = projectToPixel(reply.value.pointInWorld)
    expect(pu).toBeCloseTo(u, 3)
    expect(pv).toBeCloseTo(v, 3)
  })

  it('says when the sensor saw nothing at a pixel, and when a pixel is outside the image', async () => {
    const depth = frame.depth!
    let hole: [number, number] | null = null
    for (let y = 2; y < depth.height - 2 && !hole; y++)
      for (let x = 2; x < depth.width - 2 && !hole; x++) {
        let isEmpty = true
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++)
            if (depth.data[(y + dy) * depth.width + x + dx] > 0) isEmpty = false
        if (isEmpty) hole = [x, y]
      }
    expect(hole).not.toBeNull()
    const sceneId = result.summary.sceneId
    const empty = await service.handle('scene:pointAt', { sceneId, pixel: hole! })
    expect(empty.ok).toBe(false)
    if (!empty.ok)
      expect(empty.error.message).toMatch(/^no depth at pixel .*pick a point on a surface/)
    const outside = await service.handle('scene:pointAt', { sceneId, pixel: [-20, 5] })
    expect(outside.ok).toBe(false)
    if (!outside.ok) expect(outside.error.message).toMatch(/outside the 640×480 image/)
    const gone = await service.handle('scene:pointAt', { sceneId: 'gone', pixel: [5, 5] })
    expect(gone.ok).toBe(false)
    if (!gone.ok) expect(gone.error.message).toMatch(/load the frame again/)
  })
})

describe('scene:measure', () => {
  it("two objects: the engine's gap and centre distance, as qa:ask gives them", async () => {
    const [a, b] = result.summary.objects
    const sceneId = result.summary.sceneId
    const reply = await service.handle('scene:measure', {
      sceneId,
      a: { object: a.name },
      b: { object: b.name },
    })
    const gap = await service.handle('qa:ask', {
      sceneId,
      question: `what is the gap between the ${a.name} and the ${b.name}`,
    })
    const centres = await service.handle('qa:ask', {
      sceneId,
      question: `how far is the ${a.name} from the ${b.name}`,
    })
    expect(reply.ok && gap.ok && centres.ok).toBe(true)
    if (!reply.ok || !gap.ok || !centres.ok) return
    expect(gap.value.kind).toBe('gap')
    expect(reply.value.sceneId).toBe(sceneId)
    expect(reply.value.valueM).toBeCloseTo(gap.value.value as number, 9)
    expect(reply.value.centerDistanceM).toBeCloseTo(centres.value.value as number, 9)
    expect(reply.value.objects.map((o) => o.name)).toEqual([a.name, b.name])
    const drawn = Math.hypot(
      ...([0, 1, 2].map((i) => reply.value.toInWorld[i] - reply.value.fromInWorld[i]) as Vec3),
    )
    expect(drawn).toBeCloseTo(reply.value.valueM, 9)
  })

  it('two picked points: their straight distance', async () => {
    const reply = await service.handle('scene:measure', {
      sceneId: result.summary.sceneId,
      a: { pointInWorld: [0, 0.5, 0] },
      b: { pointInWorld: [0.3, 0.9, 0] },
    })
    expect(reply.ok).toBe(true)
    if (reply.ok) expect(reply.value.valueM).toBeCloseTo(0.5, 12)
  })

  it('refuses one object twice and unknown names, listing the objects', async () => {
    const sceneId = result.summary.sceneId
    const [a] = result.summary.objects
    const twice = await service.handle('scene:measure', {
      sceneId,
      a: { object: a.name },
      b: { object: a.name },
    })
    expect(twice.ok).toBe(false)
    if (!twice.ok) expect(twice.error.message).toMatch(/pick two different objects/)
    const unknown = await service.handle('scene:measure', {
      sceneId,
      a: { object: 'zebra' },
      b: { object: a.name },
    })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok)
      expect(unknown.error.message).toContain(
        `objects are: ${result.summary.objects.map((o) => o.name).join(', ')}`,
      )
  })
})
