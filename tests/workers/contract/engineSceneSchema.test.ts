import { describe, expect, it } from 'vitest'
import { engineSceneSchema } from '../../../main/workers/contract/engineSceneSchema'
import type { Scene } from '../../../main/engine/types'

// The engine scene as the host receives it: what a torn or partial scene looks like is refused
// with the field named; what the engine legitimately produces (NaN calibration residuals) passes.

function scene(): Scene {
  return {
    cameraId: 'cam',
    timestampNs: 12n,
    intrinsics: { width: 4, height: 2, fx: 4, fy: 4, cx: 2, cy: 1 },
    plane: { normal: [0, -1, 0], offset: 1 },
    worldFromCamera: new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
    objects: [
      {
        id: 0,
        name: 'mug',
        label: 'mug',
        description: 'red object, 8 cm wide',
        origin: 'region',
        regionSource: 'user',
        centerInCamera: [0, 0, 1],
        centerInWorld: [0, 1, 0.05],
        sizeM: { width: 0.08, depth: 0.08, height: 0.1 },
        yawRad: 0,
        pointCount: 3,
        colorRgb: [200, 10, 10],
        pixelIndices: new Uint32Array([0, 1, 7]),
      },
    ],
    provenance: {
      depthSource: 'monocular',
      intrinsics: { width: 4, height: 2, fx: 4, fy: 4, cx: 2, cy: 1 },
      frameKind: 'support-plane',
      validPointCount: 8,
      planeInlierCount: 5,
      depthNoiseRel: 0.01,
      planeThresholdAt1m: 0.01,
      depthProvenance: {
        modelId: 'depth-anything-v2-small',
        output: 'relative-inverse',
        calibration: {
          space: 'inverse-depth',
          scale: 2,
          shift: 0.1,
          method: 'known-distance',
          residualRmsM: NaN,
          residualRel: NaN,
          pointCount: 1,
          inlierCount: 1,
        },
      },
    },
    warnings: [],
    timingsMs: { plane: 1.5 },
    totalMs: 3,
  }
}

describe('engineSceneSchema', () => {
  it('accepts a scene the engine makes, NaN residuals of a one-measurement calibration included', () => {
    const parsed = engineSceneSchema.parse(structuredClone(scene()))
    expect(parsed.provenance.depthProvenance?.calibration?.residualRmsM).toBeNaN()
    expect(parsed.objects[0].pixelIndices).toEqual(new Uint32Array([0, 1, 7]))
    expect(parsed.timestampNs).toBe(12n)
  })

  it('refuses a pixel index outside the image, naming the object', () => {
    const bad = scene()
    bad.objects[0].pixelIndices = new Uint32Array([0, 9, 8])
    const issue = engineSceneSchema.safeParse(bad).error?.issues[0]
    expect(issue?.path).toEqual(['objects', 0, 'pixelIndices'])
    expect(issue?.message).toBe('pixel 9 is outside the 4×2 image')
  })

  it('refuses a torn transform, a non-finite centre and pixel indices of the wrong type', () => {
    const torn = { ...scene(), worldFromCamera: new Float64Array(15) }
    expect(engineSceneSchema.safeParse(torn).error?.issues[0].path).toEqual(['worldFromCamera'])
    const far = scene()
    far.objects[0].centerInWorld = [0, Infinity, 0]
    expect(engineSceneSchema.safeParse(far).error?.issues[0].path).toEqual([
      'objects',
      0,
      'centerInWorld',
      1,
    ])
    const listed = { ...scene(), objects: [{ ...scene().objects[0], pixelIndices: [0, 1] }] }
    expect(engineSceneSchema.safeParse(listed).error?.issues[0].message).toBe(
      'expected a Uint32Array',
    )
  })
})
