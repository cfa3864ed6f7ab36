import { describe, expect, it } from 'vitest'
import { describeDepthProvenance, monocularFrame } from '../../../main/engine/depth/monocularFrame'
import { calibrateFromRgbd } from '../../../main/engine/depth/calibrateFromRgbd'
import { applyCalibration } from '../../../main/engine/depth/postprocess'
import type { DepthProvenance } from '../../../main/engine/depth/types'
import { buildScene } from '../../../main/engine/scene/buildScene'
import type { DepthImage, Frame, Vec3 } from '../../../main/engine/types'
import { loadGroundTruth, loadSyntheticFrame } from '../../helpers/syntheticTabletop'

const rgbd = loadSyntheticFrame('640x480')
const colourOnly: Frame = {
  ...rgbd,
  depth: undefined,
  depthSource: 'monocular',
  sourceDescription: 'webcam 0',
}

/** A relative model's output made from the true depth: d = (1/z − 0.1) / 0.002, 0 where unknown. */
function relativePrediction(): DepthImage {
  const data = rgbd.depth!.data.map((z) => (z > 0 ? (1 / z - 0.1) / 0.002 : 0))
  return { width: 640, height: 480, data }
}

describe('monocularFrame', () => {
  it('calibrated relative depth → a monocular frame whose scene matches the ground truth', () => {
    const model = relativePrediction()
    const calibration = calibrateFromRgbd(model, rgbd.depth!, { space: 'inverse-depth' })
    const provenance: DepthProvenance = {
      modelId: 'depth-anything-v2-small',
      output: 'relative-inverse',
      provider: 'cpu',
      calibration,
    }
    const { frame } = monocularFrame(colourOnly, applyCalibration(model, calibration), provenance)
    expect(frame.depthSource).toBe('monocular')
    expect(frame.rgb).toBe(colourOnly.rgb)

    const scene = buildScene(frame)
    expect(scene.provenance.depthSource).toBe('monocular')
    expect(scene.provenance.sourceDescription).toMatch(
      /^webcam 0; monocular depth from depth-anything-v2-small \(relative inverse depth\) calibrated from an RGB-D frame/,
    )
    const gt = loadGroundTruth('640x480')
    expect(scene.objects).toHaveLength(gt.objects.length)
    const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
    for (const truth of gt.objects) {
      const nearest = Math.min(
        ...scene.objects.map((o) => distance(o.centerInCamera, truth.centre_camera)),
      )
      expect(nearest).toBeLessThan(0.03)
    }
  })

  it('describes metric, uncalibrated depth', () => {
    expect(describeDepthProvenance({ modelId: 'metric3d-v2-vit-small', output: 'metric' })).toBe(
      'monocular depth from metric3d-v2-vit-small (metric), uncalibrated',
    )
  })

  it('quotes the calibration: method, scale, shift, residual, points and time', () => {
    const text = describeDepthProvenance({
      modelId: 'depth-anything-v2-metric-indoor-small',
      output: 'metric',
      calibratedAt: '2025-01-02T03:04:05.000Z',
      calibration: {
        space: 'depth',
        scale: 1.08321,
        shift: -0.0213,
        method: 'known-distance',
        residualRmsM: 0,
        residualRel: 0,
        pointCount: 50,
        inlierCount: 50,
      },
    })
    expect(text).toBe(
      'monocular depth from depth-anything-v2-metric-indoor-small (metric) calibrated from a known distance on ' +
        '2025-01-02T03:04:05.000Z: scale 1.083, shift -0.0213 m, residual 0 cm RMS (0 % median) over 50 px',
    )
  })

  it('refuses relative depth without calibration, a size mismatch, and replacing sensor depth', () => {
    const depth = relativePrediction()
    expect(() =>
      monocularFrame(colourOnly, depth, { modelId: 'm', output: 'relative-inverse' }),
    ).toThrow(/not metric without a calibration/)
    const small = { width: 320, height: 240, data: new Float32Array(320 * 240) }
    expect(() => monocularFrame(colourOnly, small, { modelId: 'm', output: 'metric' })).toThrow(
      /320×240/,
    )
    expect(() => monocularFrame(rgbd, depth, { modelId: 'm', output: 'metric' })).toThrow(
      /already has sensor depth/,
    )
    const replaced = monocularFrame(
      rgbd,
      depth,
      { modelId: 'm', output: 'metric' },
      { replaceExisting: true },
    )
    expect(replaced.frame.depth).toBe(depth)
  })
})
