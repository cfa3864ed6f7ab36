import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encode } from 'fast-png'
import { sceneSummarySchema } from '../../main/contract/sceneSchema'
import { answerSchema } from '../../main/contract/answerSchema'
import { runCli } from '../helpers/runCli'
import { FIXTURES, SYNTHETIC, loadGroundTruth } from '../helpers/syntheticTabletop'

const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-cli-'))
const intrinsics640 = join(temp, 'K640.json')
writeFileSync(
  intrinsics640,
  JSON.stringify({
    width: 640,
    height: 480,
    fx: 525,
    fy: 525,
    cx: 319.5,
    cy: 239.5,
    depthScale: 1000,
  }),
)
const synthetic = [
  '--rgb',
  join(SYNTHETIC, 'scene_640x480_color.png'),
  '--depth',
  join(SYNTHETIC, 'scene_640x480_depth.png'),
  '--intrinsics',
  intrinsics640,
]

/** Region prompts at the ground-truth objects: a point on each object's projected centre. */
function groundTruthPointRegions(): string {
  const gt = loadGroundTruth('640x480')
  const regions = gt.objects.map((o) => {
    const [x, y, z] = o.centre_camera
    return {
      label: o.name.replace('_', ' '),
      box: boxAround(525 * (x / z) + 319.5, 525 * (y / z) + 239.5, (525 * 0.09) / z),
    }
  })
  const path = join(temp, 'regions.json')
  writeFileSync(path, JSON.stringify(regions))
  return path
}

function boxAround(u: number, v: number, halfPx: number): [number, number, number, number] {
  return [
    Math.max(0, u - halfPx),
    Math.max(0, v - 1.6 * halfPx),
    Math.min(640, u + halfPx),
    Math.min(480, v + 1.2 * halfPx),
  ]
}

describe('spatial-lens scene', () => {
  it('prints one contract-valid JSON scene with the 6 synthetic objects', () => {
    const run = runCli(['scene', ...synthetic, '--json'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const scene = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(scene.objects).toHaveLength(6)
    expect(scene.plane).not.toBeNull()
    expect(scene.worldFromCamera).toHaveLength(16)
    // The camera is 0.65 m above the table: worldFromCamera's translation z.
    expect(scene.worldFromCamera[14]).toBeCloseTo(0.65, 2)
    for (const stage of ['backproject', 'voxel', 'plane', 'cluster', 'boxes'])
      expect(scene.timingsMs[stage]).toBeGreaterThan(0)
    expect(scene.totalMs).toBeGreaterThan(0)
  })

  it('reports median timings with --repeat', () => {
    const run = runCli(['scene', ...synthetic, '--json', '--repeat', '3'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).repeat).toBe(3)
  })

  it('uses region labels as names', () => {
    const run = runCli(['scene', ...synthetic, '--regions', groundTruthPointRegions(), '--json'])
    expect(run.status).toBe(0)
    const scene = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(scene.objects.map((o) => o.name).sort()).toEqual([
      'bottle',
      'box small',
      'box tall',
      'can',
      'laptop',
      'mug',
    ])
  })

  it('reads an organized PCD', () => {
    const run = runCli([
      'scene',
      '--pcd',
      join(FIXTURES, 'pcl-kinect', 'pcd', 'table_scene_mug_stereo_textured.pcd'),
      '--json',
    ])
    expect(run.status).toBe(0)
    const scene = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(scene.provenance.depthSource).toBe('pointcloud')
    expect(scene.objects.length).toBeGreaterThanOrEqual(1)
  })

  it('prints a readable table without --json', () => {
    const run = runCli(['scene', ...synthetic])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/support plane/)
    expect(run.stdout).toMatch(/6 object\(s\)/)
  })
})

describe('spatial-lens ask', () => {
  const regions = groundTruthPointRegions()
  const gt = loadGroundTruth('640x480')
  const ask = (question: string) => {
    const run = runCli(['ask', ...synthetic, '--regions', regions, '--json', question])
    expect(run.stderr).toBe('')
    return answerSchema.parse(JSON.parse(run.stdout))
  }

  it('answers a distance in metres, within 2 cm of the ground truth', () => {
    const answer = ask('how far is the mug from the laptop?')
    expect(answer.kind).toBe('distance')
    expect(answer.unit).toBe('m')
    expect(
      Math.abs((answer.value as number) - gt.pairwise_centre_distances_m['mug|laptop']),
    ).toBeLessThan(0.02)
    expect(answer.objects.map((o) => o.name).sort()).toEqual(['laptop', 'mug'])
    expect(answer.provenance.depthSource).toBe('sensor')
  })

  it('answers predicates as booleans and choices as names', () => {
    expect(ask('is the bottle left of the can').value).toBe(true)
    expect(ask('which is taller, the bottle or the mug').value).toBe('bottle')
  })

  it('answers a clock direction as an integer hour', () => {
    const answer = ask('where is the can relative to the mug')
    expect(answer.unit).toBe('clock')
    expect(Number.isInteger(answer.value)).toBe(true)
  })

  it('answers whether a gripper fits between two objects', () => {
    const answer = ask('can a 8 cm gripper fit between the mug and the box tall')
    expect(typeof answer.value).toBe('boolean')
  })

  it('lists the known objects for an unknown name, with a non-zero exit', () => {
    const run = runCli([
      'ask',
      ...synthetic,
      '--regions',
      regions,
      'how far is the giraffe from the mug',
    ])
    expect(run.status).not.toBe(0)
    expect(run.stdout).toMatch(/giraffe/)
    expect(run.stdout).toMatch(/mug/)
  })
})

describe('bad input gets one clear error line and a non-zero exit', () => {
  const expectCleanError = (args: string[], pattern: RegExp) => {
    const run = runCli(args)
    expect(run.status).not.toBe(0)
    expect(run.status).not.toBeNull()
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^error: /)
    expect(lines[0]).toMatch(pattern)
    expect(run.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(run.stdout).toBe('')
  }

  it('missing file', () =>
    expectCleanError(
      [
        'scene',
        '--rgb',
        join(temp, 'nope.png'),
        '--depth',
        synthetic[3],
        '--intrinsics',
        intrinsics640,
      ],
      /not found/,
    ))

  it('corrupt PNG', () => {
    const corrupt = join(temp, 'corrupt.png')
    writeFileSync(corrupt, Buffer.from('\x89PNG\r\n\x1a\nthis is not a png'))
    expectCleanError(
      ['scene', '--rgb', corrupt, '--depth', synthetic[3], '--intrinsics', intrinsics640],
      /corrupt|not a readable|PNG/i,
    )
  })

  it('depth size differs from colour size', () => {
    expectCleanError(
      [
        'scene',
        '--rgb',
        synthetic[1],
        '--depth',
        join(SYNTHETIC, 'scene_320x240_depth.png'),
        '--intrinsics',
        intrinsics640,
      ],
      /320×240|320x240/,
    )
  })

  it('intrinsics missing a field', () => {
    const bad = join(temp, 'missing-fx.json')
    writeFileSync(bad, JSON.stringify({ width: 640, height: 480, fy: 525, cx: 319.5, cy: 239.5 }))
    expectCleanError(
      ['scene', '--rgb', synthetic[1], '--depth', synthetic[3], '--intrinsics', bad],
      /fx/,
    )
  })

  it('intrinsics with a focal length ≤ 0', () => {
    const bad = join(temp, 'zero-fx.json')
    writeFileSync(
      bad,
      JSON.stringify({ width: 640, height: 480, fx: 0, fy: 525, cx: 319.5, cy: 239.5 }),
    )
    expectCleanError(
      ['scene', '--rgb', synthetic[1], '--depth', synthetic[3], '--intrinsics', bad],
      /fx/,
    )
  })

  it('all-zero depth', () => {
    const zero = join(temp, 'zero-depth.png')
    writeFileSync(
      zero,
      encode({ width: 640, height: 480, data: new Uint16Array(640 * 480), depth: 16, channels: 1 }),
    )
    expectCleanError(
      ['scene', '--rgb', synthetic[1], '--depth', zero, '--intrinsics', intrinsics640],
      /no valid/,
    )
  })

  it('a PCD whose points are all NaN', () => {
    const header =
      'VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 4\nHEIGHT 2\nVIEWPOINT 0 0 0 1 0 0 0\nPOINTS 8\nDATA ascii\n'
    const nan = join(temp, 'nan.pcd')
    writeFileSync(nan, header + 'nan nan nan\n'.repeat(8))
    expectCleanError(['scene', '--pcd', nan], /NaN|no valid|finite/i)
  })

  it('a region outside the image', () => {
    const regions = join(temp, 'outside.json')
    writeFileSync(regions, JSON.stringify([{ label: 'mug', box: [600, 400, 700, 500] }]))
    expectCleanError(['scene', ...synthetic, '--regions', regions], /outside the 640×480 image/)
  })

  it('a malformed regions file', () => {
    const regions = join(temp, 'malformed.json')
    writeFileSync(regions, JSON.stringify([{ label: 'mug', box: [1, 2] }]))
    expectCleanError(['scene', ...synthetic, '--regions', regions], /item 1/)
  })

  it('an unknown command and a bad number', () => {
    expectCleanError(['frobnicate'], /unknown command/)
    expectCleanError(['scene', ...synthetic, '--repeat', 'many'], /--repeat/)
  })
})
