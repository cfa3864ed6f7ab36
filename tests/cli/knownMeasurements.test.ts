import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { sceneSummarySchema } from '../../main/contract/sceneSchema'
import { runCli } from '../helpers/runCli'
import {
  cliEnvironment,
  COLOR_640,
  DEPTH_640,
  installTinyDepthModel,
  tempDirectory,
  writeIntrinsics,
} from './depthModelCache'
import { calibrateCliResultSchema } from '../../main/contract/calibrationChannelSchema'

/**
 * Calibration from known lengths, checked by hand. The stand-in metric model (the manifest's
 * signature for depth-anything-v2-small-metric-outdoor, a manual install) predicts 2 m everywhere,
 * and the intrinsics are fx = fy = 525, cx = 319.5, cy = 239.5, so a pixel (u, v) back-projects to
 * ((u − 319.5) / 525 · 2, (v − 239.5) / 525 · 2, 2):
 *  - (57, 239.5)–(582, 239.5): x = −1 and +1, measured 2 (model units);
 *  - (319.5, 108.25)–(319.5, 370.75): y = −0.5 and +0.5, measured 1.
 * Known 0.5 m and 0.3 m: least squares k = (2·0.5 + 1·0.3) / (2² + 1²) = 0.26; fitted 0.52 and
 * 0.26 m, errors +0.02 and −0.04 m: RMS √((0.0004 + 0.0016) / 2) = 3.162 cm; relative errors 4 %
 * and 13.33 %, median 8.667 %.
 */
const MODEL = 'depth-anything-v2-small-metric-outdoor'
const cache = tempDirectory('models')
const home = tempDirectory('home')
const env = cliEnvironment(cache, home)
const work = tempDirectory('work')
const colourOnly = ['--rgb', COLOR_640, '--intrinsics', writeIntrinsics(work)]
const calibrate = (camera: string, ...method: string[]) =>
  runCli(
    ['calibrate', '--camera', camera, '--depth-model', MODEL, ...colourOnly, ...method, '--json'],
    env,
  )

beforeAll(() => {
  installTinyDepthModel(cache, MODEL, [2])
  expect(runCli(['models', 'verify', MODEL], env).status).toBe(0)
})
afterAll(() => [cache, home, work].forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('calibrate from known lengths (hand-checked)', () => {
  it('two known distances: scale 0.26, residual 3.16 cm RMS, 8.67 % median', () => {
    const run = calibrate(
      'arm',
      '--known-distance',
      '57,239.5,582,239.5,0.5',
      '--known-distance',
      '319.5,108.25,319.5,370.75,0.3',
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const result = calibrateCliResultSchema.parse(JSON.parse(run.stdout))
    expect(result).toMatchObject({
      method: 'known-distance',
      space: 'depth',
      shift: 0,
      pointCount: 100,
      warnings: [],
    })
    expect(result.scale).toBeCloseTo(0.26, 6)
    expect(result.residualCm).toBeCloseTo(Math.sqrt(0.001) * 100, 4)
    expect(result.residualRel).toBeCloseTo((0.04 + 0.4 / 3) / 2, 6)
    // Scenes on this camera then see 0.26 · 2 = 0.52 m everywhere.
    const scene = runCli(
      ['scene', ...colourOnly, '--camera', 'arm', '--detector', 'none', '--json'],
      env,
    )
    expect(scene.status).toBe(0)
    const provenance = sceneSummarySchema.parse(JSON.parse(scene.stdout)).provenance
      .depthProvenance!
    expect(provenance.calibration).toMatchObject({
      method: 'known-distance',
      scale: result.scale,
      shift: 0,
    })
  })

  it('one known distance fixes the scale exactly, and says the residual proves nothing', () => {
    const run = calibrate('one', '--known-distance', '57,239.5,582,239.5,0.5')
    expect(run.status).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.scale).toBeCloseTo(0.25, 6)
    expect(result.residualRmsM).toBe(0)
    expect(run.stderr).toMatch(/^warning: one measurement fixes the scale exactly/)
  })

  it('a known width: a 200 px box at 2 model units is 200 · 2 / 525 = 0.762; 0.5 m gives scale 0.65625', () => {
    const run = calibrate('size', '--known-size', '220,140,420,340,width,0.5')
    expect(run.status).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result).toMatchObject({ method: 'known-size', shift: 0, pointCount: 100 * 100 })
    expect(result.scale).toBeCloseTo((0.5 * 525) / (200 * 2), 6)
  })

  it('prints the fit as text', () => {
    const run = runCli(
      [
        'calibrate',
        '--camera',
        'text',
        '--depth-model',
        MODEL,
        ...colourOnly,
        '--known-size',
        '220,140,420,340,height,0.5',
      ],
      env,
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(
      /calibrated depth-anything-v2-small-metric-outdoor for camera "text" from a known size \(depth space: z = scale · model \+ shift\)/,
    )
    expect(run.stdout).toMatch(/scale\s+0\.65625\n/)
    expect(run.stdout).toMatch(/residual\s+0\.00 cm RMS/)
    expect(run.stdout).toMatch(/saved to .*text-[0-9a-f]{12}\.json/)
  })

  it('refuses an RGB-D fit of a prediction that does not vary, saying why', () => {
    const run = calibrate('flat', '--depth', DEPTH_640)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim()).toMatch(
      /^error: cannot calibrate depth-anything-v2-small-metric-outdoor on this frame: the model values do not vary/,
    )
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })
})
