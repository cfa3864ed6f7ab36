/**
 * scripts/check_hf_dataset.py — what Hugging Face `datasets`' JSON builder needs of a dataset (one JSON object per
 * line, one Arrow type per column across all shards, no null-only column in a shard, the same struct keys, images
 * relative and present) — on a dataset `spatial-lens synth` generates, and on hand-made broken ones.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, runCli } from '../helpers/runCli'
import { FIXTURES, SYNTHETIC, loadGroundTruth } from '../helpers/syntheticTabletop'

const SCRIPT = join(ROOT, 'scripts', 'check_hf_dataset.py')
const python = spawnSync('python3', ['--version'])
const hasPython = python.status === 0

interface CheckResult {
  code: number | null
  report: {
    ok: boolean
    files: number
    rows: number
    columns: Record<string, string>
    problems: string[]
  }
}

function check(dir: string): CheckResult {
  const run = spawnSync('python3', [SCRIPT, dir, '--json'], { encoding: 'utf8' })
  return { code: run.status, report: JSON.parse(run.stdout) }
}

const work = mkdtempSync(join(tmpdir(), 'hf-check-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe.skipIf(!hasPython)('check_hf_dataset.py on generated output', () => {
  const out = join(work, 'dataset')
  beforeAll(() => {
    // Two cameras: the synthetic tabletop (fx 289.7…) and the TUM frame (fx = 525 exactly, a whole number).
    const synthetic = join(work, 'synthetic')
    mkdirSync(join(synthetic, 'rgb'), { recursive: true })
    mkdirSync(join(synthetic, 'depth'))
    copyFileSync(join(SYNTHETIC, 'scene_320x240_color.png'), join(synthetic, 'rgb', '0001.png'))
    copyFileSync(join(SYNTHETIC, 'scene_320x240_depth.png'), join(synthetic, 'depth', '0001.png'))
    const gt = loadGroundTruth('320x240')
    writeFileSync(
      join(synthetic, 'intrinsics.json'),
      JSON.stringify({ width: 320, height: 240, ...gt.intrinsics, depthScale: 1000 }),
    )
    // And a frame without a support plane (office1.pcd), kept with --keep-planeless.
    const run = runCli([
      'synth',
      synthetic,
      join(FIXTURES, 'tum-open3d'),
      join(FIXTURES, 'pcl-kinect', 'pcd', 'office1.pcd'),
      '--out',
      out,
      '--detector',
      'none',
      '--keep-planeless',
      '--workers',
      '1',
    ])
    expect(run.status, run.stderr + run.stdout).toBe(0)
  }, 300_000)

  it('passes the dataset synth writes: every row, one type per column', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    const { code, report } = check(out)
    expect(report.problems).toEqual([])
    expect(code).toBe(0)
    expect(report.rows).toBe(manifest.counts.samples)
    expect(report.files).toBe(3)
    const planes = readdirSync(join(out, 'shards')).map(
      (name) =>
        JSON.parse(readFileSync(join(out, 'shards', name), 'utf8').split('\n')[0]).scene.plane
          .found,
    )
    expect(planes.sort()).toEqual([false, true, true])
    expect(report.columns).toMatchObject({
      id: 'string',
      conversations: 'list',
      answer: 'object',
      scene: 'object',
    })
  })

  it('fails the same rows written with plain JSON.stringify: fx 525 reads as int64 in one shard, double in the other', () => {
    const plain = join(work, 'plain')
    mkdirSync(join(plain, 'shards'), { recursive: true })
    mkdirSync(join(plain, 'images'))
    for (const name of readdirSync(join(out, 'images')))
      copyFileSync(join(out, 'images', name), join(plain, 'images', name))
    for (const name of readdirSync(join(out, 'shards'))) {
      const lines = readFileSync(join(out, 'shards', name), 'utf8')
        .split('\n')
        .filter(Boolean)
      const rewritten = lines.map((line) => JSON.stringify(JSON.parse(line))).join('\n')
      writeFileSync(join(plain, 'shards', name), `${rewritten}\n`)
    }
    const { code, report } = check(plain)
    expect(code).toBe(1)
    expect(
      report.problems.some((p) =>
        p.startsWith('scene.intrinsics.fx: float and int in the same column'),
      ),
    ).toBe(true)
  })
})

/** A dataset folder of hand-written shards (file name → lines) and images. */
function handMade(
  name: string,
  shards: Record<string, string[]>,
  images: string[] = ['images/a.png'],
) {
  const dir = join(work, name)
  mkdirSync(join(dir, 'shards'), { recursive: true })
  mkdirSync(join(dir, 'images'))
  for (const image of images) writeFileSync(join(dir, image), 'png')
  for (const [file, lines] of Object.entries(shards))
    writeFileSync(join(dir, 'shards', file), lines.map((l) => `${l}\n`).join(''))
  return dir
}

describe.skipIf(!hasPython)('check_hf_dataset.py on broken datasets', () => {
  const row = (extra: string) => `{"image": "images/a.png", ${extra}}`

  it('accepts ints and floats kept apart, nulls mixed with values in a file, and empty shards', () => {
    const dir = handMade('good', {
      'a.jsonl': [row('"n": 1.0, "k": 3, "p": null'), row('"n": 2.5, "k": 4, "p": {"x": 1.0}')],
      'b.jsonl': [row('"n": 7.0, "k": 5, "p": {"x": 0.5}')],
      'c.jsonl': [],
    })
    const { code, report } = check(dir)
    expect(report.problems).toEqual([])
    expect(code).toBe(0)
    expect(report.columns).toEqual({ image: 'string', n: 'double', k: 'int64', p: 'object' })
  })

  it('names a line that is not one JSON object, and NaN', () => {
    expect(
      check(handMade('array', { 'a.jsonl': [row('"n": 1.0'), '[1, 2]'] })).report.problems,
    ).toEqual([expect.stringMatching(/a\.jsonl:2: a list, not a JSON object$/)])
    expect(check(handMade('nan', { 'a.jsonl': [row('"n": NaN')] })).report.problems).toEqual([
      expect.stringMatching(/a\.jsonl:1: not JSON: NaN is not JSON/),
    ])
  })

  it('finds int and float in one field across shards, a null-only shard and objects with other keys', () => {
    const dir = handMade('types', {
      'a.jsonl': [row('"n": 1, "p": {"x": 1.0}, "q": [1.0]')],
      'b.jsonl': [row('"n": 1.5, "p": null, "q": []')],
      'c.jsonl': [row('"n": 2.5, "p": {"x": 2.0, "y": 3.0}, "q": [2.0]')],
    })
    const { code, report } = check(dir)
    expect(code).toBe(1)
    expect(report.problems).toEqual([
      'n: float and int in the same column (shards/a.jsonl: int64; shards/b.jsonl: double; shards/c.jsonl: double)',
      'p: null in every row of 1 file(s) (e.g. shards/b.jsonl), object elsewhere',
      'q: an empty list in every row of 1 file(s) (e.g. shards/b.jsonl)',
      'p: objects with different keys: {x} vs {x, y}',
    ])
  })

  it('finds absolute, escaping and missing image paths', () => {
    const dir = handMade('images', {
      'a.jsonl': ['{"image": "/etc/a.png"}', '{"image": "../a.png"}', '{"image": "images/b.png"}'],
    })
    const problems = check(dir).report.problems
    expect(problems).toHaveLength(3)
    expect(problems[0]).toMatch(
      /a\.jsonl:1: image '\/etc\/a\.png' is not a path relative to the dataset folder/,
    )
    expect(problems[1]).toMatch(/a\.jsonl:2: image '\.\.\/a\.png' is not a path relative/)
    expect(problems[2]).toMatch(/a\.jsonl:3: image images\/b\.png does not exist in /)
  })
})
