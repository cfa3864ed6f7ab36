import { describe, expect, it } from 'vitest'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { SceneInputError } from '../../../main/engine/errors'
import type { Frame, RegionPrompt, Vec3 } from '../../../main/engine/types'
import { rayCastScene, type SolidSpec } from '../../helpers/rayCastScene'
import {
  groundTruthBoxes,
  loadGroundTruth,
  loadSyntheticFrame,
} from '../../helpers/syntheticTabletop'

const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

function frameFromDepth(depth: Frame['depth'] & object, intrinsics: Frame['intrinsics']): Frame {
  const rgb = new Uint8Array(depth.width * depth.height * 3).fill(128)
  return {
    cameraId: 'test',
    timestampNs: 0n,
    rgb: { width: depth.width, height: depth.height, data: rgb },
    depth,
    intrinsics,
    depthSource: 'sensor',
  }
}

describe('box prompts keep the object, not the background inside the box', () => {
  const gt = loadGroundTruth('640x480')
  const frame = loadSyntheticFrame('640x480')
  // Boxes twice the object's apparent size: table, background and bits of neighbours fall inside.
  const regions: RegionPrompt[] = groundTruthBoxes(gt)
  const scene = buildScene(frame, { regions })

  it('lifts each boxed object to within 1.5 cm of its true centre', () => {
    expect(scene.objects).toHaveLength(6)
    for (const truth of gt.objects) {
      const object = scene.objects.find((o) => o.label === truth.name)!
      expect(object.origin).toBe('region')
      expect(distance(object.centerInWorld, truth.centre_world)).toBeLessThan(0.015)
    }
  })

  it('takes the object exactly from a mask', () => {
    const mug = scene.objects.find((o) => o.label === 'mug')!
    const mask = new Uint8Array(640 * 480)
    for (const pixel of mug.pixelIndices) mask[pixel] = 1
    const fromMask = buildScene(frame, {
      regions: [{ label: 'mug', mask, maskWidth: 640, maskHeight: 480 }],
    })
    expect(fromMask.objects).toHaveLength(1)
    expect(
      distance(
        fromMask.objects[0].centerInWorld,
        gt.objects.find((o) => o.name === 'mug')!.centre_world,
      ),
    ).toBeLessThan(0.015)
  })

  it('keeps the clusters no region explains when asked (a detector that missed objects)', () => {
    const three = regions.slice(0, 3)
    const exact = buildScene(frame, { regions: three })
    expect(exact.objects).toHaveLength(3)
    const merged = buildScene(frame, { regions: three, includeUnmatchedClusters: true })
    expect(merged.objects).toHaveLength(6)
    expect(
      merged.objects
        .filter((o) => o.origin === 'region')
        .map((o) => o.label)
        .sort(),
    ).toEqual(three.map((r) => r.label).sort())
    for (const truth of gt.objects) {
      const nearest = Math.min(
        ...merged.objects.map((o) => distance(o.centerInWorld, truth.centre_world)),
      )
      expect(nearest).toBeLessThan(0.015)
    }
  })

  it('lets a user region win over a detector region on the same object, even with little 2D overlap', () => {
    const mugRegion = regions.find((r) => r.label === 'mug')! as {
      label: string
      box: [number, number, number, number]
    }
    const [x0, y0, x1, y1] = mugRegion.box
    // A user box hugging the mug, and a detector box twice as large around it (2D IoU ≈ 0.25, so
    // only the lifted points can tell they are the same mug).
    const cx = (x0 + x1) / 2
    const cy = (y0 + y1) / 2
    const half = (x1 - x0) / 4
    const tight: [number, number, number, number] = [cx - half, cy - half, cx + half, cy + half]
    const scene = buildScene(frame, {
      regions: [
        { label: 'my mug', box: tight },
        { label: 'toilet', box: mugRegion.box, source: 'detector' },
      ],
    })
    expect(scene.objects.map((o) => o.label)).toEqual(['my mug'])
  })

  it('warns instead of inventing an object when a region holds no depth', () => {
    const empty = buildScene(frame, { regions: [{ label: 'sky', box: [0, 0, 20, 20] }] })
    expect(empty.objects).toHaveLength(0)
    expect(empty.warnings.join(' ')).toMatch(/sky.*no usable depth/)
  })

  it('rejects regions outside the image and masks of the wrong size', () => {
    expect(() =>
      buildScene(frame, { regions: [{ label: 'mug', box: [600, 400, 700, 500] }] }),
    ).toThrow(SceneInputError)
    expect(() => buildScene(frame, { regions: [{ label: 'mug', point: [-1, 5] }] })).toThrow(
      /outside the 640×480 image/,
    )
    expect(() =>
      buildScene(frame, {
        regions: [{ label: 'mug', mask: new Uint8Array(4), maskWidth: 2, maskHeight: 2 }],
      }),
    ).toThrow(/mask is 2×2/)
  })
})

describe('no support plane in view', () => {
  it('falls back to the camera frame for a top-down view of clutter, and says so', () => {
    const solids: SolidSpec[] = [
      { kind: 'box', center: [-0.08, 0.3], size: [0.1, 0.08, 0.12] },
      { kind: 'box', center: [0.03, 0.3], size: [0.12, 0.1, 0.06] },
      { kind: 'cylinder', center: [0.0, 0.42], radius: 0.04, height: 0.1 },
    ]
    // Camera straight down from 0.8 m, centred over the clutter (table y from 0 to 0.7).
    const cast = rayCastScene({
      width: 320,
      height: 240,
      focalPx: 262.5,
      solids,
      cameraHeightM: 0.8,
      pitchDeg: 90,
      tableX: [-0.6, 0.6],
      tableY: [-0.2, 0.9],
      noiseRel: 0.002,
      seed: 3,
    })
    const frame = frameFromDepth(cast.depth, cast.intrinsics)
    const scene = buildScene(frame)
    expect(scene.plane).toBeNull()
    expect(scene.provenance.frameKind).toBe('camera-fallback')
    expect(scene.warnings.join(' ')).toMatch(/no support plane/)
    // A click on the tall box still selects its own surface, split from the touching box.
    let seed = -1
    for (let i = 0; i < cast.objectId.length && seed < 0; i++) if (cast.objectId[i] === 0) seed = i
    const withPoint = buildScene(frame, {
      regions: [{ label: 'box', point: [seed % 320, Math.floor(seed / 320)] }],
    })
    expect(withPoint.objects).toHaveLength(1)
    const box = withPoint.objects[0]
    // Seen from above, its top face is 10 × 8 cm.
    expect(Math.max(box.sizeM.width, box.sizeM.depth)).toBeLessThan(0.14)
  })

  it('falls back to the camera frame facing a wall', () => {
    const width = 160
    const height = 120
    const depth = new Float32Array(width * height).fill(2)
    // A 40 × 30 px box face 0.5 m in front of the wall.
    for (let v = 45; v < 75; v++) for (let u = 60; u < 100; u++) depth[v * width + u] = 1.5
    const scene = buildScene(
      frameFromDepth(
        { width, height, data: depth },
        { width, height, fx: 140, fy: 140, cx: 79.5, cy: 59.5 },
      ),
    )
    expect(scene.plane).toBeNull()
    expect(scene.provenance.frameKind).toBe('camera-fallback')
    // World = level camera: x right, y forward (camera z), z up (−camera y).
    expect(Array.from(scene.worldFromCamera)).toEqual([
      1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1,
    ])
  })
})

describe('unusable frames', () => {
  const frame = loadSyntheticFrame('320x240')
  it('rejects NaN-only and zero-only depth, and size mismatches, with SceneInputError', () => {
    const nanDepth = {
      ...frame,
      depth: { ...frame.depth!, data: new Float32Array(320 * 240).fill(Number.NaN) },
    }
    expect(() => buildScene(nanDepth)).toThrow(/no valid pixels/)
    const zeroDepth = { ...frame, depth: { ...frame.depth!, data: new Float32Array(320 * 240) } }
    expect(() => buildScene(zeroDepth)).toThrow(SceneInputError)
    const small = {
      ...frame,
      depth: { width: 160, height: 120, data: new Float32Array(160 * 120).fill(1) },
    }
    expect(() => buildScene(small)).toThrow(/160×120/)
    expect(() =>
      buildScene({ ...frame, intrinsics: { ...frame.intrinsics, fx: Number.NaN } }),
    ).toThrow(/fx/)
    expect(() => buildScene({ ...frame, depth: undefined })).toThrow(/no depth/)
  })

  it('ignores NaN and infinite depth pixels among valid ones', () => {
    const data = Float32Array.from(frame.depth!.data)
    for (let i = 0; i < data.length; i += 7) data[i] = Number.NaN
    for (let i = 3; i < data.length; i += 11) data[i] = Number.POSITIVE_INFINITY
    const scene = buildScene({ ...frame, depth: { ...frame.depth!, data } })
    expect(scene.plane).not.toBeNull()
    expect(scene.objects).toHaveLength(6)
    for (const object of scene.objects)
      for (const value of object.centerInWorld) expect(Number.isFinite(value)).toBe(true)
  })
})
