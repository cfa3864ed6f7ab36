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
  K640,
  installTinyDepthModel,
  syntheticDepthMetres,
  tempDirectory,
} from '../cli/depthModelCache'
import { callService } from './serviceCall'

/**
 * calibration:list / run / remove through the service, on the synthetic tabletop (exact depth).
 * The installed stand-in depth model predicts exactly twice the sensor depth, so every method
 * must find a scale of 0.5, and a colour-only frame of the same camera then lifts to the sensor's
 * metres.
 */
const MODEL = 'depth-anything-v2-small-metric-indoor'
const CAMERA = 'arm-cam'
const scratch = tempDirectory('calibration-channels')
const models = join(scratch, 'models')
process.env.SPATIAL_LENS_MODELS = models
process.env.SPATIAL_LENS_HOME = join(scratch, 'home')
const sensorDepthM = syntheticDepthMetres()
installTinyDepthModel(
  models,
  MODEL,
  sensorDepthM.map((z) => 2 * z),
)

const calibrations = new CalibrationStore({ directory: join(scratch, 'home', 'calibrations') })
const service = new SpatialService(new InlineSceneExecutor(), 'serve', {
  settings: new SettingsStore({ directory: join(scratch, 'settings') }),
  log: new MeasurementLog({ path: join(scratch, 'log.jsonl') }),
  calibrations,
})

const call = <T>(channel: Parameters<SpatialService['handle']>[0], input: unknown) =>
  callService<T>(service, channel, input)
const colorFile = new Uint8Array(readFileSync(COLOR_640))
const depthFile = new Uint8Array(readFileSync(DEPTH_640))
const analyze = (frame: Record<string, unknown>, depthModel = 'auto') =>
  call<any>('scene:analyze', {
    frame: { kind: 'rgbd', name: 'frame_0001.png', colorFile, intrinsics: K640, ...frame },
    perception: { detector: 'none', depthModel },
  })

let sensorSceneId: string
beforeAll(async () => {
  sensorSceneId = (await analyze({ depthFile, cameraId: CAMERA })).summary.sceneId
})
afterAll(async () => {
  await service.dispose()
  rmSync(scratch, { recursive: true, force: true })
})

describe('calibration channels', () => {
  it("fits the model to the frame's sensor depth for the frame's camera, saves and lists it", async () => {
    expect(await call('calibration:list', {})).toEqual({ calibrations: [], problems: [] })
    const result = await call<any>('calibration:run', {
      sceneId: sensorSceneId,
      modelId: MODEL,
      method: { kind: 'rgbd-frame' },
    })
    expect(result.calibration).toMatchObject({
      cameraId: CAMERA,
      modelId: MODEL,
      method: 'rgbd-frame',
      space: 'depth',
      note: 'sensor depth of frame_0001.png (app)',
    })
    expect(result.calibration.scale).toBeCloseTo(0.5, 4)
    expect(Math.abs(result.calibration.shift)).toBeLessThan(1e-3)
    expect(result.calibration.residualRel).toBeLessThan(1e-3)
    expect(result.path).toBe(calibrations.pathFor(CAMERA))
    expect(result.modelRun).toMatchObject({ provider: 'cpu' })
    const listed = await call<any>('calibration:list', {})
    expect(listed.calibrations).toEqual([result.calibration])
  })

  it("a colour-only frame of the same camera then lifts with the calibration: the sensor's metres, and the provenance says so", async () => {
    const analyzed = await analyze({ cameraId: CAMERA, name: 'frame_0002.png' }, MODEL)
    const provenance = analyzed.summary.provenance.depthProvenance
    expect(provenance).toMatchObject({ modelId: MODEL, calibration: { method: 'rgbd-frame' } })
    expect(provenance.calibration.scale).toBeCloseTo(0.5, 4)
    const pixel = await call<any>('scene:pointAt', {
      sceneId: analyzed.summary.sceneId,
      pixel: [320, 300],
    })
    expect(pixel.depthM).toBeCloseTo(sensorDepthM[300 * 640 + 320], 3)
    // Another camera has no calibration: the model's own (doubled) metres.
    const other = await analyze({ cameraId: 'other-cam', name: 'frame_0003.png' }, MODEL)
    expect(other.summary.provenance.depthProvenance.calibration).toBeUndefined()
  })

  it('a colour-only frame of a camera whose fit had no measurable residual lifts, the residual null on the wire', async () => {
    // A fit with nothing left to measure its residual (NaN in the engine), as the store keeps it (null in the file).
    await calibrations.save({
      cameraId: 'unmeasured-cam',
      modelId: MODEL,
      calibration: {
        space: 'depth',
        scale: 0.5,
        shift: 0,
        method: 'rgbd-frame',
        residualRmsM: Number.NaN,
        residualRel: Number.NaN,
        pointCount: 0,
        inlierCount: 0,
      },
    })
    try {
      const result = await service.handle('scene:analyze', {
        frame: {
          kind: 'rgbd',
          name: 'frame_0004.png',
          colorFile,
          intrinsics: K640,
          cameraId: 'unmeasured-cam',
        },
        perception: { detector: 'none', depthModel: MODEL },
      })
      if (!result.ok) throw new Error(result.error.message)
      const calibration = result.value.summary.provenance.depthProvenance?.calibration
      expect(calibration).toMatchObject({ scale: 0.5, residualRmsM: null, residualRel: null })
      // The same reply over a JSON wire (serve) reads the same.
      expect(JSON.parse(JSON.stringify(calibration))).toEqual(calibration)
    } finally {
      await calibrations.remove('unmeasured-cam', MODEL)
    }
  })

  it('fits a known distance between two measured points (projected back to pixels)', async () => {
    const a = await call<any>('scene:pointAt', { sceneId: sensorSceneId, pixel: [200, 300] })
    const b = await call<any>('scene:pointAt', { sceneId: sensorSceneId, pixel: [450, 320] })
    const trueM = Math.hypot(...a.pointInWorld.map((v: number, i: number) => v - b.pointInWorld[i]))
    const result = await call<any>('calibration:run', {
      sceneId: sensorSceneId,
      modelId: MODEL,
      method: {
        kind: 'known-distance',
        fromInWorld: a.pointInWorld,
        toInWorld: b.pointInWorld,
        distanceM: trueM,
      },
      note: 'tape measure',
    })
    expect(result.calibration).toMatchObject({
      method: 'known-distance',
      note: 'tape measure',
      shift: 0,
    })
    expect(result.calibration.scale).toBeCloseTo(0.5, 2)
    expect(result.warnings.join(' ')).toMatch(/one measurement fixes the scale exactly/)
    // It replaced the camera's calibration of this model.
    expect((await call<any>('calibration:list', {})).calibrations).toHaveLength(1)
  })

  it('refuses what cannot calibrate, with what to do', async () => {
    const colourOnly = (await analyze({ cameraId: CAMERA }, MODEL)).summary.sceneId
    const refused = await service.handle('calibration:run', {
      sceneId: colourOnly,
      modelId: MODEL,
      method: { kind: 'rgbd-frame' },
    })
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          new RegExp(`depth came from ${MODEL}, not a sensor.*known distance`),
        ),
      },
    })
    const notDepth = await service.handle('calibration:run', {
      sceneId: sensorSceneId,
      modelId: 'nanodet-m',
      method: { kind: 'rgbd-frame' },
    })
    expect(notDepth).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /"nanodet-m" is a .* model, not a depth model; depth models: .*metric3d/,
        ),
      },
    })
    const missing = await service.handle('calibration:run', {
      sceneId: sensorSceneId,
      modelId: 'metric3d-vit-small',
      method: { kind: 'rgbd-frame' },
    })
    expect(missing).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/metric3d-vit-small.*(not installed|download)/) },
    })
    const offImage = await service.handle('calibration:run', {
      sceneId: sensorSceneId,
      modelId: MODEL,
      method: {
        kind: 'known-distance',
        fromInWorld: [0, 0, 0],
        toInWorld: [0, 0, -5],
        distanceM: 1,
      },
    })
    expect(offImage).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not in this frame's image/) },
    })
  })

  it('removes a calibration once', async () => {
    expect(await call('calibration:remove', { cameraId: CAMERA, modelId: MODEL })).toEqual({
      isRemoved: true,
    })
    expect(await call('calibration:remove', { cameraId: CAMERA, modelId: MODEL })).toEqual({
      isRemoved: false,
    })
    expect((await call<any>('calibration:list', {})).calibrations).toEqual([])
  })
})
