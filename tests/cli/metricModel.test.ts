import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sceneSummarySchema } from '../../main/contract/sceneSchema'
import { answerSchema } from '../../main/contract/answerSchema'
import { runCli } from '../helpers/runCli'
import { loadGroundTruth } from '../helpers/syntheticTabletop'
import {
  cliEnvironment,
  COLOR_640,
  DEPTH_640,
  installTinyDepthModel,
  K640,
  manifestModelFile,
  syntheticDepthMetres,
  tempDirectory,
  writeIntrinsics,
} from './depthModelCache'

/**
 * A metric depth model (depth-anything-v2-small-metric-indoor, with the manifest's exact signature
 * and file name) installed offline and trusted on first use by `models verify`: colour-only frames
 * need no calibration, `--depth-model auto` finds it, and answers name it. The stand-in outputs the
 * synthetic frame's true depth in metres, so the scene is the RGB-D one.
 */
const METRIC = 'depth-anything-v2-small-metric-indoor'
const cache = tempDirectory('models')
const home = tempDirectory('home')
const work = tempDirectory('work')
const env = cliEnvironment(cache, home)
const intrinsics = writeIntrinsics(work)
const colourOnly = ['--rgb', COLOR_640, '--intrinsics', intrinsics]

/** Boxes around the ground-truth objects, labelled with their names ("box_small" → "box small"). */
function groundTruthRegions(): string {
  const regions = loadGroundTruth('640x480').objects.map((o) => {
    const [x, y, z] = o.centre_camera
    const [u, v, half] = [
      K640.fx * (x / z) + K640.cx,
      K640.fy * (y / z) + K640.cy,
      (K640.fx * 0.09) / z,
    ]
    const box = [
      Math.max(0, u - half),
      Math.max(0, v - 1.6 * half),
      Math.min(640, u + half),
      Math.min(480, v + 1.2 * half),
    ]
    return { label: o.name.replace('_', ' '), box }
  })
  const path = join(work, 'regions.json')
  writeFileSync(path, JSON.stringify(regions))
  return path
}

beforeAll(() => {
  installTinyDepthModel(cache, METRIC, syntheticDepthMetres())
})
afterAll(() => [cache, home, work].forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('a metric depth model installed offline', () => {
  it('has the manifest signature and file name; `models verify` reports it unverified and pins nothing', () => {
    const file = manifestModelFile(METRIC)
    expect(file.sha256).toBeNull()
    const first = runCli(['models', 'verify', METRIC], env)
    expect(first.status).toBe(0)
    expect(first.stdout).toContain(
      `${METRIC}: ${join(cache, METRIC, file.path)} not verified: no published hash to check it against (not marked trusted)`,
    )
    expect(existsSync(join(cache, 'models.lock.json'))).toBe(false)
  })

  it('gives colour-only frames metric depth with --depth-model auto and no calibration', () => {
    const run = runCli(['scene', ...colourOnly, '--detector', 'none', '--json'], env)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const summary = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(summary.provenance.depthSource).toBe('monocular')
    expect(summary.provenance.depthProvenance).toMatchObject({
      modelId: METRIC,
      output: 'metric',
      provider: 'cpu',
    })
    expect(summary.provenance.depthProvenance!.calibration).toBeUndefined()
    expect(summary.perception!.steps).toEqual([
      expect.objectContaining({ stage: 'depth', modelId: METRIC }),
    ])
    expect(summary.worldFromCamera[14]).toBeCloseTo(0.65, 2)
    expect(summary.objects).toHaveLength(6)
  })

  it('leaves sensor depth alone under auto', () => {
    const run = runCli(
      ['scene', ...colourOnly, '--depth', DEPTH_640, '--detector', 'none', '--json'],
      env,
    )
    expect(run.status).toBe(0)
    const summary = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(summary.provenance.depthSource).toBe('sensor')
    expect(summary.perception!.steps).toEqual([])
  })

  it('answers questions with a provenance note naming the model', () => {
    const run = runCli(
      [
        'ask',
        ...colourOnly,
        '--regions',
        groundTruthRegions(),
        '--detector',
        'none',
        '--json',
        'how far is the mug from the laptop',
      ],
      env,
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const answer = answerSchema.parse(JSON.parse(run.stdout))
    expect(answer.provenance.depthSource).toBe('monocular')
    expect(answer.provenance.depthNote).toBe(
      `monocular depth from ${METRIC} (metric), uncalibrated`,
    )
    const truth = loadGroundTruth('640x480').pairwise_centre_distances_m['mug|laptop']
    expect(Math.abs((answer.value as number) - truth)).toBeLessThan(0.02)
  })

  it('takes a depth-space calibration, which scenes then quote', () => {
    const run = runCli(
      [
        'calibrate',
        '--camera',
        'rig',
        '--depth-model',
        METRIC,
        ...colourOnly,
        '--depth',
        DEPTH_640,
        '--json',
      ],
      env,
    )
    expect(run.status).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result).toMatchObject({
      space: 'depth',
      method: 'rgbd-frame',
      model: { output: 'metric' },
    })
    expect(result.scale).toBeCloseTo(1, 4)
    expect(Math.abs(result.shift)).toBeLessThan(1e-4)
    const scene = runCli(
      ['scene', ...colourOnly, '--camera', 'rig', '--detector', 'none', '--json'],
      env,
    )
    const provenance = sceneSummarySchema.parse(JSON.parse(scene.stdout)).provenance
      .depthProvenance!
    expect(provenance).toMatchObject({
      modelId: METRIC,
      calibration: { space: 'depth', method: 'rgbd-frame' },
    })
  })
})
