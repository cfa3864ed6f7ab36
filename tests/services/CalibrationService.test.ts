import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { SettingsStore } from '../../main/settings/SettingsStore'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { CalibrationStore } from '../../main/calibration/CalibrationStore'
import {
  COLOR_640,
  DEPTH_640,
  HEIGHT,
  K640,
  WIDTH,
  installTinyDepthModel,
  syntheticDepthMetres,
  tempDirectory,
} from '../cli/depthModelCache'
import { callService } from './serviceCall'

/**
 * The pixel methods of calibration:run (several known distances, a known size) and a decoded frame
 * sent with the request, through SpatialService.handle. Stand-in models with a known output make
 * every expected value a hand computation. Intrinsics: fx = fy = 525, cx = 319.5, cy = 239.5.
 *
 * METRIC predicts 2 (metres) everywhere, so pixel (u, v) back-projects to
 * ((u − 319.5) / 525 · 2, (v − 239.5) / 525 · 2, 2):
 *  - (57, 239.5)–(582, 239.5): x = −1 and +1, measured 2;
 *  - (319.5, 108.25)–(319.5, 370.75): y = −0.5 and +0.5, measured 1.
 * Known 0.5 m and 0.3 m: least squares k = (2·0.5 + 1·0.3) / (2² + 1²) = 0.26; fitted 0.52 and 0.26 m,
 * errors +0.02 and −0.04 m: RMS √((0.0004 + 0.0016) / 2) = √0.001 m; relative errors 4 % and 13.33 %,
 * median 8.667 %. Each pixel's depth is the median of a 5×5 window: 4 pixels · 25 = 100 points.
 * A 200 px wide box at 2 m measures 200 · 2 / 525 m; a true 0.5 m gives k = 0.5 · 525 / 400 = 0.65625.
 *
 * RELATIVE predicts inverse depth 4 everywhere (depth 1/4 up to scale): a 200 px tall box measures
 * 200 · 0.25 / 525; a true 0.5 m gives k = 5.25, so 1/z = m / 5.25, scale 1 / 5.25. Check: the model's
 * 4 then means z = 5.25 / 4 = 1.3125 m, where 200 px span 200 · 1.3125 / 525 = 0.5 m.
 */
const METRIC = 'depth-anything-v2-small-metric-outdoor'
const RELATIVE = 'depth-anything-v2-small'
const SENSOR_TWICE = 'depth-anything-v2-small-metric-indoor'
const scratch = tempDirectory('calibration-service')
const models = join(scratch, 'models')
process.env.SPATIAL_LENS_MODELS = models
process.env.SPATIAL_LENS_HOME = join(scratch, 'home')
const sensorDepthM = syntheticDepthMetres()
installTinyDepthModel(models, METRIC, [2])
installTinyDepthModel(models, RELATIVE, [4])
installTinyDepthModel(
  models,
  SENSOR_TWICE,
  sensorDepthM.map((z) => 2 * z),
)

const calibrations = new CalibrationStore({ directory: join(scratch, 'home', 'calibrations') })
const service = new SpatialService(new InlineSceneExecutor(), 'cli', {
  settings: new SettingsStore({ directory: join(scratch, 'settings') }),
  log: new MeasurementLog({ path: join(scratch, 'log.jsonl') }),
  calibrations,
})
const call = <T>(channel: Parameters<SpatialService['handle']>[0], input: unknown) =>
  callService<T>(service, channel, input)

/** A decoded frame of the synthetic camera (the stand-ins ignore the colours). */
function rawFrame(cameraId: string, depth?: Float32Array) {
  return {
    kind: 'raw',
    name: 'frame_0001.png',
    cameraId,
    timestampNs: '0',
    rgb: { width: WIDTH, height: HEIGHT, data: new Uint8Array(WIDTH * HEIGHT * 3) },
    ...(depth ? { depth: { width: WIDTH, height: HEIGHT, data: depth } } : {}),
    intrinsics: K640,
  }
}
const twoDistances = {
  kind: 'known-pixel-distances',
  distances: [
    { a: [57, 239.5], b: [582, 239.5], distanceM: 0.5 },
    { a: [319.5, 108.25], b: [319.5, 370.75], distanceM: 0.3 },
  ],
}
const knownWidth = { kind: 'known-size', box: [220, 140, 420, 340], axis: 'width', sizeM: 0.5 }

let sensorSceneId: string
beforeAll(async () => {
  const analyzed = await call<any>('scene:analyze', {
    frame: {
      kind: 'rgbd',
      name: 'tabletop.png',
      colorFile: new Uint8Array(readFileSync(COLOR_640)),
      depthFile: new Uint8Array(readFileSync(DEPTH_640)),
      intrinsics: K640,
      cameraId: 'kept-cam',
    },
    perception: { detector: 'none', depthModel: 'none' },
  })
  sensorSceneId = analyzed.summary.sceneId
})
afterAll(async () => {
  await service.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

describe('calibration:run on a frame sent with the request', () => {
  it("fits several pixel distances: scale 0.26, residual √0.001 m RMS, 8.67 % median, saved for the frame's camera", async () => {
    const result = await call<any>('calibration:run', {
      frame: rawFrame('arm'),
      modelId: METRIC,
      method: twoDistances,
    })
    expect(result.calibration).toMatchObject({
      cameraId: 'arm',
      modelId: METRIC,
      method: 'known-distance',
      space: 'depth',
      shift: 0,
      pointCount: 100,
      note: 'known distance(s) 0.5 m, 0.3 m in frame_0001.png',
    })
    expect(result.calibration.scale).toBeCloseTo(0.26, 6)
    expect(result.calibration.residualRmsM).toBeCloseTo(Math.sqrt(0.001), 6)
    expect(result.calibration.residualRel).toBeCloseTo((0.04 + 0.4 / 3) / 2, 6)
    expect(result.warnings).toEqual([])
    expect(result.path).toBe(calibrations.pathFor('arm'))
    expect(result.modelRun).toMatchObject({ output: 'metric', provider: 'cpu' })
    const stored = await calibrations.get('arm', METRIC)
    expect(stored).toMatchObject({
      status: 'found',
      calibration: { scale: result.calibration.scale },
    })
  })

  it('fits a known width: scale 0.65625 from the 100 × 100 inner half of the box, with the one-measurement caveat', async () => {
    const result = await call<any>('calibration:run', {
      frame: rawFrame('size-cam'),
      modelId: METRIC,
      method: knownWidth,
      note: 'a 50 cm box',
    })
    expect(result.calibration).toMatchObject({
      method: 'known-size',
      space: 'depth',
      shift: 0,
      pointCount: 100 * 100,
      note: 'a 50 cm box',
    })
    expect(result.calibration.scale).toBeCloseTo(0.65625, 6)
    expect(result.calibration.residualRmsM).toBeLessThan(1e-12)
    expect(result.warnings).toEqual([expect.stringMatching(/^one measurement fixes the scale/)])
  })

  it('fits a relative model from a known height in inverse-depth space: scale 1 / 5.25', async () => {
    const result = await call<any>('calibration:run', {
      frame: rawFrame('relative-cam'),
      modelId: RELATIVE,
      method: { ...knownWidth, axis: 'height' },
    })
    expect(result.calibration).toMatchObject({
      method: 'known-size',
      space: 'inverse-depth',
      shift: 0,
      note: 'known height 0.5 m in frame_0001.png',
    })
    expect(result.calibration.scale).toBeCloseTo(1 / 5.25, 6)
    expect(result.warnings).toEqual([
      expect.stringMatching(/^one measurement fixes the scale/),
      expect.stringMatching(/inverse-depth shift that known lengths cannot measure/),
    ])
  })

  it("fits the frame's sensor depth (rgbd-frame) when the frame carries it: the stand-in's 2·z gives scale 0.5", async () => {
    const result = await call<any>('calibration:run', {
      frame: rawFrame('rgbd-cam', sensorDepthM),
      modelId: SENSOR_TWICE,
      method: { kind: 'rgbd-frame' },
    })
    expect(result.calibration).toMatchObject({ method: 'rgbd-frame', space: 'depth' })
    expect(result.calibration.scale).toBeCloseTo(0.5, 4)
    expect(Math.abs(result.calibration.shift)).toBeLessThan(1e-3)
    expect(result.calibration.note).toBe('sensor depth of frame_0001.png')
  })

  it('refuses what a frame cannot calibrate, saying what to send instead', async () => {
    const refusal = async (input: Record<string, unknown>) => {
      const result = await service.handle('calibration:run', { modelId: METRIC, ...input })
      expect(result).toMatchObject({ ok: false, cause: 'user' })
      return result.ok ? '' : result.error.message
    }
    expect(await refusal({ frame: rawFrame('x'), method: { kind: 'rgbd-frame' } })).toMatch(
      /frame_0001\.png has no depth image.*known distances or a known size/,
    )
    const worldPoints = {
      kind: 'known-distance',
      fromInWorld: [0, 0, 1],
      toInWorld: [0.1, 0, 1],
      distanceM: 0.1,
    }
    expect(await refusal({ frame: rawFrame('x'), method: worldPoints })).toMatch(
      /needs a kept scene \(sceneId\).*known-pixel-distances/,
    )
    const offImage = {
      kind: 'known-pixel-distances',
      distances: [{ a: [320, 400], b: [900, 400], distanceM: 0.5 }],
    }
    expect(await refusal({ frame: rawFrame('x'), method: offImage })).toMatch(
      /pixel \(900, 400\) is outside the 640×480 image/,
    )
    expect(
      await refusal({ frame: rawFrame('x'), method: { ...knownWidth, box: [600, 0, 700, 10] } }),
    ).toMatch(/box \[600,0,700,10\] is empty or outside the 640×480 image/)
    expect(
      await refusal({
        frame: rawFrame('x'),
        method: {
          ...twoDistances,
          distances: [{ ...twoDistances.distances[0], distanceM: Infinity }],
        },
      }),
    ).toMatch(/^calibration:run: invalid method\.distances\.0\.distanceM/)
    expect(await calibrations.get('x', METRIC)).toEqual({ status: 'missing' })
  })
})

describe('calibration:run with the pixel methods on a kept scene (the app)', () => {
  it("fits pixel distances on the kept frame's image and intrinsics, for the scene's camera", async () => {
    const result = await call<any>('calibration:run', {
      sceneId: sensorSceneId,
      modelId: METRIC,
      method: twoDistances,
    })
    expect(result.calibration).toMatchObject({
      cameraId: 'kept-cam',
      method: 'known-distance',
      pointCount: 100,
      note: 'known distance(s) 0.5 m, 0.3 m in tabletop.png (app)',
    })
    expect(result.calibration.scale).toBeCloseTo(0.26, 6)
  })

  it('fits a known size on the kept frame', async () => {
    const result = await call<any>('calibration:run', {
      sceneId: sensorSceneId,
      modelId: METRIC,
      method: knownWidth,
    })
    expect(result.calibration).toMatchObject({ cameraId: 'kept-cam', method: 'known-size' })
    expect(result.calibration.scale).toBeCloseTo(0.65625, 6)
  })
})
