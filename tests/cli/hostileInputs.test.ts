import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../helpers/runCli'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import { craftPng } from '../helpers/craftedPng'

// The hostile inputs of the service tests through the built CLI, as a user runs it: each ends at
// once with one `error:` line naming the file and field, exit code 2 (a user error), never a hang or a stack.

const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-cli-hostile-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))
const K = { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5, depthScale: 1000 }

function intrinsicsFile(name: string, change: object): string {
  const path = join(temp, name)
  writeFileSync(path, JSON.stringify({ ...K, ...change }))
  return path
}

const rgbd = (intrinsics: string) => [
  '--rgb',
  join(SYNTHETIC, 'scene_640x480_color.png'),
  '--depth',
  join(SYNTHETIC, 'scene_640x480_depth.png'),
  '--intrinsics',
  intrinsics,
]

describe('spatial-lens scene with hostile inputs', () => {
  it.each([
    ['cx', { cx: 1e308 }, /^error: intrinsics .*cx\.json: field cx must lie within -640 … 1280 px/],
    [
      'fx',
      { fx: 1e-12 },
      /^error: intrinsics .*fx\.json: field fx must give a field of view between 1° and 179°/,
    ],
    [
      'depthScale',
      { depthScale: 1e308 },
      /^error: intrinsics .*depthScale\.json: field depthScale must be a finite number between/,
    ],
  ])('intrinsics with a hostile %s', (name, change, message) => {
    const run = runCli(['scene', ...rgbd(intrinsicsFile(`${name}.json`, change)), '--json'])
    expect(run.status).toBe(2) // a user error
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('a colour + depth pair declaring 15000²', () => {
    const color = join(temp, 'big-color.png')
    const depth = join(temp, 'big-depth.png')
    writeFileSync(color, craftPng(15000, 15000, { kind: 'rgb8' }))
    writeFileSync(depth, craftPng(15000, 15000, { kind: 'depth16' }))
    const k = intrinsicsFile('big.json', {
      width: 15000,
      height: 15000,
      fx: 12000,
      fy: 12000,
      cx: 7500,
      cy: 7500,
    })
    const run = runCli(['scene', '--rgb', color, '--depth', depth, '--intrinsics', k])
    expect(run.status).toBe(2) // a user error
    expect(run.stderr).toMatch(
      /^error: .*big-(color|depth)\.png declares 15000×15000 = 225\.0 M pixels, over the limit of 40\.0 M/,
    )
  })

  it('POINTS 1e10 in an ascii PCD: one message without a doubled "unexpected error:"', () => {
    const pcd = join(temp, 'huge.pcd')
    writeFileSync(
      pcd,
      'VERSION 0.7\nFIELDS x y z\nSIZE 4 4 4\nTYPE F F F\nCOUNT 1 1 1\nWIDTH 10000000000\nHEIGHT 1\nPOINTS 10000000000\nDATA ascii\n0 0 0\n',
    )
    const run = runCli(['scene', '--pcd', pcd])
    expect(run.status).toBe(2) // a user error
    expect(run.stderr).toMatch(
      /^error: .*huge\.pcd declares 10000000000 points, over the limit of 40000000/,
    )
    expect(run.stderr).not.toMatch(/unexpected error/)
  })
})
