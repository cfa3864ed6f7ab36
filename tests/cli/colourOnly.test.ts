import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sceneSummarySchema } from '../../main/contract/sceneSchema'
import { answerSchema } from '../../main/contract/answerSchema'
import { calibrationFileName } from '../../main/calibration/calibrationFiles'
import { runCli } from '../helpers/runCli'
import {
  cliEnvironment,
  COLOR_640,
  DEPTH_640,
  HEIGHT,
  installTinyDepthModel,
  K640,
  syntheticDepthMetres,
  tempDirectory,
  WIDTH,
  writeIntrinsics,
} from './depthModelCache'
import { calibrateCliResultSchema } from '../../main/contract/calibrationChannelSchema'

/**
 * Colour-only frames through the real CLI with a relative depth model: without a calibration the
 * scene fails and says to calibrate; `calibrate` on the synthetic RGB-D frame fits and saves one;
 * `scene` then builds the metric scene from the colour image alone.
 *
 * The stand-in for depth-anything-v2-small outputs 2 / z of the synthetic frame's true depth (an
 * affine inverse depth, as the real model's is), so the fit is known: scale 0.5 /m, shift 0.
 */
const RELATIVE = 'depth-anything-v2-small'

const cache = tempDirectory('models')
const home = tempDirectory('home')
const env = cliEnvironment(cache, home)
const work = tempDirectory('work')
const intrinsics = writeIntrinsics(work)
const colourOnly = ['--rgb', COLOR_640, '--intrinsics', intrinsics]
const rgbdMethod = ['--depth', DEPTH_640]
const calibrationPath = (camera: string) => join(home, 'calibrations', calibrationFileName(camera))

function scene(camera: string, depthModel = RELATIVE) {
  return runCli(
    [
      'scene',
      ...colourOnly,
      '--camera',
      camera,
      '--depth-model',
      depthModel,
      '--detector',
      'none',
      '--json',
    ],
    env,
  )
}

function calibrate(camera: string, ...extra: string[]) {
  return runCli(
    ['calibrate', '--camera', camera, '--depth-model', RELATIVE, ...colourOnly, ...extra],
    env,
  )
}

/** One `error: …` line on stderr, nothing on stdout, a non-zero exit. */
function expectOneErrorLine(run: ReturnType<typeof runCli>): string {
  expect(run.status).not.toBe(0)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^error: /)
  return lines[0]
}

const sensorDepth = syntheticDepthMetres()

beforeAll(() => {
  // The manifest publishes this file's size and hash: the stand-in is padded to the size.
  installTinyDepthModel(
    cache,
    RELATIVE,
    Float32Array.from(sensorDepth, (z) => (z > 0 ? 2 / z : 0)),
  )
})
afterAll(() => [cache, home, work].forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('colour-only scene with a relative depth model', () => {
  it('sees the copied model as installed', () => {
    const run = runCli(['models', 'list', '--json'], env)
    expect(run.status).toBe(0)
    const listed = JSON.parse(run.stdout)
    expect(listed.modelsDirectory).toBe(cache)
    expect(listed.models.find((m: { id: string }) => m.id === RELATIVE).status).toBe('installed')
  })

  it('fails with a clear message before any calibration', () => {
    const run = scene('cam1')
    const line = expectOneErrorLine(run)
    expect(line).toContain(RELATIVE)
    expect(line).toMatch(/calibrat/)
    expect(line).not.toMatch(/unexpected/)
    expect(run.status).toBe(2)
    // With auto, an uncalibrated relative model is not picked: the message names the command.
    expect(expectOneErrorLine(scene('cam1', 'auto'))).toContain('spatial-lens calibrate')
  })

  it('calibrates from the RGB-D frame: scale, shift, residual, points and the file', () => {
    const run = calibrate('cam1', ...rgbdMethod)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(
      /calibrated depth-anything-v2-small for camera "cam1" from an RGB-D frame \(inverse-depth space/,
    )
    expect(run.stdout).toMatch(/scale\s+0\.5\d* \/m per model unit/)
    expect(run.stdout).toMatch(/shift\s+-?[\d.e-]+ \/m/)
    expect(run.stdout).toMatch(/residual\s+[\d.]+ cm RMS, [\d.]+ % median relative error/)
    expect(run.stdout).toMatch(/points\s+\d+/)
    expect(run.stdout).toContain(`saved to ${calibrationPath('cam1')}`)
    expect(existsSync(calibrationPath('cam1'))).toBe(true)
  })

  it('reports the fit as JSON (the known answer: scale 0.5 /m, shift 0)', () => {
    const run = calibrate('cam1', ...rgbdMethod, '--json')
    expect(run.status).toBe(0)
    const result = calibrateCliResultSchema.parse(JSON.parse(run.stdout))
    expect(result).toMatchObject({
      cameraId: 'cam1',
      modelId: RELATIVE,
      method: 'rgbd-frame',
      space: 'inverse-depth',
      path: calibrationPath('cam1'),
    })
    expect(result.scale).toBeCloseTo(0.5, 4)
    expect(Math.abs(result.shift)).toBeLessThan(1e-4)
    expect(result.residualRmsM).toBeLessThan(0.002)
    expect(result.residualCm).toBeCloseTo(result.residualRmsM! * 100, 10)
    expect(result.residualRel).toBeLessThan(0.002)
    expect(result.pointCount).toBeGreaterThan(50_000)
    expect(result.model).toMatchObject({ output: 'relative-inverse', provider: 'cpu' })
    expect(result.warnings).toEqual([])
    const stored = JSON.parse(readFileSync(calibrationPath('cam1'), 'utf8'))
    expect(stored.calibrations[RELATIVE].scale).toBe(result.scale)
  })

  it('builds the metric scene from the colour image alone once calibrated', () => {
    const run = scene('cam1')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const summary = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(summary.cameraId).toBe('cam1')
    expect(summary.provenance.depthSource).toBe('monocular')
    const provenance = summary.provenance.depthProvenance!
    expect(provenance.modelId).toBe(RELATIVE)
    expect(provenance.output).toBe('relative-inverse')
    expect(provenance.calibration).toMatchObject({ method: 'rgbd-frame', space: 'inverse-depth' })
    expect(provenance.calibration!.scale).toBeCloseTo(0.5, 4)
    expect(provenance.calibratedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(summary.perception!.steps).toEqual([
      expect.objectContaining({ stage: 'depth', modelId: RELATIVE, provider: 'cpu' }),
    ])
    // The stand-in reproduces the sensor depth, so the scene is the RGB-D one: the table 0.65 m below.
    expect(summary.plane).not.toBeNull()
    expect(summary.worldFromCamera[14]).toBeCloseTo(0.65, 2)
    expect(summary.objects).toHaveLength(6)
  })

  it('lets --depth-model auto pick the calibrated relative model, and answers say so', () => {
    const run = scene('cam1', 'auto')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).provenance.depthProvenance.modelId).toBe(RELATIVE)
    const ask = runCli(
      [
        'ask',
        ...colourOnly,
        '--camera',
        'cam1',
        '--detector',
        'none',
        '--json',
        'how tall is the largest object',
      ],
      env,
    )
    expect([0, 3]).toContain(ask.status)
    const answer = answerSchema.parse(JSON.parse(ask.stdout))
    expect(answer.provenance.depthSource).toBe('monocular')
    expect(answer.provenance.depthNote).toMatch(
      /^monocular depth from depth-anything-v2-small \(relative inverse depth\) calibrated from/,
    )
  })

  it('keeps calibrations per camera', () => {
    expect(expectOneErrorLine(scene('cam2'))).toMatch(/calibrat/)
  })

  it('calibrates from a known distance between two table pixels (scale only), with the caveats', () => {
    // The stand-in's 1/output is z / 2, so any true distance measures half: the scale is 1/2.
    const [a, b] = [
      [200, 400],
      [480, 360],
    ] as const
    const point = ([u, v]: readonly [number, number]) => {
      const z = sensorDepth[v * WIDTH + u]
      return [((u - K640.cx) / K640.fx) * z, ((v - K640.cy) / K640.fy) * z, z]
    }
    const [pa, pb] = [point(a), point(b)]
    const distance = Math.hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2])
    expect(a[1] < HEIGHT && pa[2] > 0 && pb[2] > 0).toBe(true)
    const run = calibrate(
      'measured',
      '--known-distance',
      `${a},${b},${distance.toFixed(4)}`,
      '--json',
    )
    expect(run.status).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result).toMatchObject({ method: 'known-distance', space: 'inverse-depth', shift: 0 })
    expect(result.residualRmsM).toBeLessThan(1e-9)
    expect(result.scale).toBeCloseTo(0.5, 2)
    expect(result.warnings).toEqual([
      expect.stringMatching(/^one measurement fixes the scale/),
      expect.stringMatching(/inverse-depth shift/),
    ])
    expect(
      run.stderr
        .trim()
        .split('\n')
        .map((line) => line.slice(0, 9)),
    ).toEqual(['warning: ', 'warning: '])
  })
})

describe('a corrupt calibration file', () => {
  it('fails that camera only, and a new calibration moves it aside', () => {
    writeFileSync(
      calibrationPath('broken'),
      '{"schemaVersion": 1, "cameraId": "broken", "calibrations": {',
    )
    expect(expectOneErrorLine(scene('broken'))).toContain(
      `calibration file ${calibrationPath('broken')} cannot be used: not valid JSON`,
    )
    expect(scene('cam1').status).toBe(0)

    const run = calibrate('broken', ...rgbdMethod)
    expect(run.status).toBe(0)
    const warning = run.stderr.trim()
    expect(warning).toMatch(
      /^warning: the calibration file of camera "broken" could not be read; moved it aside to .*\.corrupt-/,
    )
    const movedAside = readdirSync(join(home, 'calibrations')).filter((name) =>
      name.includes('.corrupt-'),
    )
    expect(movedAside).toHaveLength(1)
    expect(warning).toContain(movedAside[0])
    expect(scene('broken').status).toBe(0)
  })
})

describe('calibrate: bad input is one error line', () => {
  const cases: [string, string[], RegExp][] = [
    ['no method', [], /calibrate needs a method: --depth D/],
    ['two methods', [...rgbdMethod, '--known-distance', '1,2,3,4,0.5'], /give only one method/],
    [
      'a malformed known distance',
      ['--known-distance', '1,2,3,0.5'],
      /expected "u1,v1,u2,v2,metres"/,
    ],
    ['a non-number', ['--known-distance', '1,2,x,4,0.5'], /"x" is not a number/],
    [
      'a pixel outside the image',
      ['--known-distance', '320,400,900,400,0.5'],
      /pixel \(900, 400\) is outside the 640×480 image/,
    ],
    [
      'a bad known size',
      ['--known-size', '1,2,3,4,depth,0.1'],
      /expected "x0,y0,x1,y1,width\|height,metres"/,
    ],
    ['a missing depth file', ['--depth', '/nonexistent/depth.png'], /depth\.png/],
  ]
  for (const [name, extra, message] of cases) {
    it(name, () => expect(expectOneErrorLine(calibrate('cam3', ...extra))).toMatch(message))
  }

  it('an unknown or non-depth model, or no camera', () => {
    const base = ['calibrate', ...colourOnly, ...rgbdMethod]
    expect(
      expectOneErrorLine(runCli([...base, '--camera', 'c', '--depth-model', 'nope'], env)),
    ).toMatch(/unknown model "nope"/)
    expect(
      expectOneErrorLine(runCli([...base, '--camera', 'c', '--depth-model', 'nanodet-m'], env)),
    ).toMatch(/not a depth model/)
    expect(expectOneErrorLine(runCli([...base, '--depth-model', RELATIVE], env))).toMatch(
      /calibrate needs --camera ID/,
    )
    expect(existsSync(calibrationPath('cam3'))).toBe(false)
  })
})
