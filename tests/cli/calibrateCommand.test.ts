import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { runCalibrateCommand } from '../../main/cli/calibrateCommand'
import { SpatialService } from '../../main/services/SpatialService'
import { CalibrationStore } from '../../main/calibration/CalibrationStore'
import { UserError } from '../../main/app/userError'
import { calibrateCliResultSchema } from '../../main/contract/calibrationChannelSchema'
import {
  COLOR_640,
  DEPTH_640,
  HEIGHT,
  WIDTH,
  installTinyDepthModel,
  syntheticDepthMetres,
  tempDirectory,
  writeIntrinsics,
} from './depthModelCache'

/**
 * `calibrate` in-process: it reads the frame's files and fits through the service's
 * calibration:run (the app's channel), so the contract checks what it sends and the injected
 * calibration store is where the fit is saved. The stand-in metric model predicts 2 m everywhere:
 * with fx = 525, a 200 px wide box at 2 m measures 200 · 2 / 525 m, and a true 0.5 m gives scale
 * 0.5 · 525 / 400 = 0.65625 (hand-computed).
 */
const MODEL = 'depth-anything-v2-small-metric-outdoor'
const scratch = tempDirectory('calibrate-command')
process.env.SPATIAL_LENS_MODELS = join(scratch, 'models')
process.env.SPATIAL_LENS_HOME = join(scratch, 'home')
installTinyDepthModel(join(scratch, 'models'), MODEL, [2])
const directory = join(scratch, 'injected-calibrations')
const intrinsics = writeIntrinsics(scratch)
const colourOnly = ['--rgb', COLOR_640, '--intrinsics', intrinsics]

afterEach(() => vi.restoreAllMocks())
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function calibrate(camera: string, ...method: string[]) {
  const handle = vi.spyOn(SpatialService.prototype, 'handle')
  const printed: string[] = []
  const warnings: string[] = []
  const code = await runCalibrateCommand(
    ['--camera', camera, '--depth-model', MODEL, ...colourOnly, ...method, '--json'],
    (text) => printed.push(text),
    { calibrations: new CalibrationStore({ directory }), warn: (text) => warnings.push(text) },
  )
  return { code, printed, warnings, calls: handle.mock.calls }
}

describe('calibrate goes through the service', () => {
  it('sends the decoded frame and the known size to calibration:run, and prints its reply', async () => {
    const run = await calibrate('arm', '--known-size', '220,140,420,340,width,0.5')
    expect(run.code).toBe(0)
    expect(run.calls.map(([channel]) => channel)).toEqual(['calibration:run'])
    const input = run.calls[0][1] as any
    expect(input).toMatchObject({
      modelId: MODEL,
      method: { kind: 'known-size', box: [220, 140, 420, 340], axis: 'width', sizeM: 0.5 },
      note: `known width 0.5 m in ${COLOR_640}`,
      frame: { kind: 'raw', cameraId: 'arm', rgb: { width: WIDTH, height: HEIGHT } },
    })
    expect(input.frame.depth).toBeUndefined()
    const result = calibrateCliResultSchema.parse(JSON.parse(run.printed.join('\n')))
    expect(result.scale).toBeCloseTo(0.65625, 6)
    expect(result).toMatchObject({ cameraId: 'arm', method: 'known-size' })
    // The injected store is the service's: the fit went there, not to $SPATIAL_LENS_HOME.
    expect(result.path).toBe(new CalibrationStore({ directory }).pathFor('arm'))
    expect(existsSync(result.path)).toBe(true)
    expect(run.warnings).toEqual([expect.stringMatching(/^warning: one measurement fixes/)])
  })

  it("sends --depth as the frame's sensor depth in metres for the rgbd-frame method", async () => {
    // A constant prediction cannot fit a depth image; the service's refusal is the command's error.
    const failed = calibrate('rgbd', '--depth', DEPTH_640)
    await expect(failed).rejects.toThrow(UserError)
    await expect(failed).rejects.toThrow(/cannot calibrate .* the model values do not vary/)
    const handle = vi.mocked(SpatialService.prototype.handle)
    const input = handle.mock.calls[0][1] as any
    expect(input.method).toEqual({ kind: 'rgbd-frame' })
    expect(input.frame.depth.data).toBeInstanceOf(Float32Array)
    // The sensor's millimetres arrive as metres (depthScale 1000), as an independent decode reads them.
    const truth = syntheticDepthMetres()
    for (const i of [240 * WIDTH + 320, 400 * WIDTH + 200, 100 * WIDTH + 600]) {
      expect(truth[i]).toBeGreaterThan(0)
      expect(input.frame.depth.data[i]).toBeCloseTo(truth[i], 6)
    }
  })

  it("the contract's limits hold for the CLI too: a known distance over a kilometre is the request's fault", async () => {
    const failed = calibrate('far', '--known-distance', '57,239.5,582,239.5,5000')
    await expect(failed).rejects.toThrow(UserError)
    await expect(failed).rejects.toThrow(
      /^calibration:run: invalid method\.distances\.0\.distanceM: .*1000/,
    )
    expect(existsSync(new CalibrationStore({ directory }).pathFor('far'))).toBe(false)
  })

  it('keeps the note within the contract: a long --note is refused by name, a long default note names the file only', async () => {
    const tooLong = calibrate(
      'note',
      '--known-size',
      '220,140,420,340,width,0.5',
      '--note',
      'n'.repeat(201),
    )
    await expect(tooLong).rejects.toThrow(/^--note is 201 characters; at most 200/)
    // The default note quotes the colour file's path; in a deep folder the path alone is over 200.
    const deep = join(scratch, 'd'.repeat(120), 'e'.repeat(90))
    mkdirSync(deep, { recursive: true })
    const rgb = join(deep, 'colour.png')
    copyFileSync(COLOR_640, rgb)
    const printed: string[] = []
    const run = await runCalibrateCommand(
      [
        '--camera',
        'deep',
        '--depth-model',
        MODEL,
        '--rgb',
        rgb,
        '--intrinsics',
        intrinsics,
        '--known-size',
        '220,140,420,340,width,0.5',
        '--json',
      ],
      (text) => printed.push(text),
      { calibrations: new CalibrationStore({ directory }), warn: () => {} },
    )
    expect(run).toBe(0)
    expect(JSON.parse(printed.join('\n')).note).toBe('known width 0.5 m in colour.png')
  })
})
