import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
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
import { SYNTHETIC, loadGroundTruth } from '../helpers/syntheticTabletop'
import { synthManifestSchema, synthSampleSchema } from '../../main/contract/synthSchema'

const FRAMES = 6
let work: string
let input: string

/** A folder like a robot's recording: rgb/000N.png, depth/000N.png, intrinsics.json (copies of the fixture). */
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'synth-cli-'))
  input = join(work, 'recording')
  mkdirSync(join(input, 'rgb'), { recursive: true })
  mkdirSync(join(input, 'depth'), { recursive: true })
  for (let i = 1; i <= FRAMES; i++) {
    copyFileSync(join(SYNTHETIC, 'scene_320x240_color.png'), join(input, 'rgb', `000${i}.png`))
    copyFileSync(join(SYNTHETIC, 'scene_320x240_depth.png'), join(input, 'depth', `000${i}.png`))
  }
  const gt = loadGroundTruth('320x240')
  writeFileSync(
    join(input, 'intrinsics.json'),
    JSON.stringify({ width: 320, height: 240, ...gt.intrinsics, depthScale: 1000 }),
  )
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const args = (out: string, workers = 1) => [
  'synth',
  input,
  '--out',
  out,
  '--detector',
  'none',
  '--workers',
  String(workers),
  '--seed',
  '3',
]

function readDataset(out: string) {
  const manifest = synthManifestSchema.parse(
    JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')),
  )
  const lines = manifest.shards.flatMap((shard) =>
    readFileSync(join(out, shard), 'utf8').split('\n').filter(Boolean),
  )
  return { manifest, lines }
}

/** The Hugging Face JSON loader's rules: one object per line, every field path with one JSON type on every line. */
function fieldTypes(value: unknown, path: string, into: Map<string, Set<string>>) {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  if (type !== 'null') into.set(path, (into.get(path) ?? new Set()).add(type))
  if (type === 'array') for (const item of value as unknown[]) fieldTypes(item, `${path}[]`, into)
  else if (type === 'object')
    for (const [key, child] of Object.entries(value as object))
      fieldTypes(child, `${path}.${key}`, into)
}

describe('spatial-lens synth (built CLI)', () => {
  it('writes a complete, valid, HF-loadable dataset; killed mid-run and rerun it continues without duplicates', async () => {
    const clean = join(work, 'clean')
    const first = runCli(args(clean, 2))
    expect(first.stderr + first.stdout).toMatch(/6 frames run/)
    expect(first.status).toBe(0)
    const reference = readDataset(clean)
    expect(reference.manifest.jobs).toBe(FRAMES)
    expect(reference.manifest.counts.frames).toBe(FRAMES)
    expect(reference.lines.length).toBe(reference.manifest.counts.samples)

    const types = new Map<string, Set<string>>()
    const keys = new Set<string>()
    for (const line of reference.lines) {
      const sample = synthSampleSchema.parse(JSON.parse(line))
      expect(existsSync(join(clean, sample.image))).toBe(true)
      keys.add(Object.keys(sample).join(','))
      fieldTypes(sample, '', types)
    }
    expect(keys.size).toBe(1)
    for (const [path, seen] of types) expect([...seen], path).toHaveLength(1)

    // Kill a one-worker run after its first shard, then rerun the same command.
    const killed = join(work, 'killed')
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'spatial-lens.js'), ...args(killed)], {
      stdio: 'ignore',
    })
    const shards = () =>
      existsSync(join(killed, 'shards'))
        ? readdirSync(join(killed, 'shards')).filter((n) => n.endsWith('.jsonl'))
        : []
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (shards().length >= 1) {
          clearInterval(timer)
          child.kill('SIGKILL')
          resolve()
        }
      }, 20)
      child.on('exit', () => {
        clearInterval(timer)
        reject(new Error('the run finished before it could be killed'))
      })
    })
    const doneBefore = shards().length
    expect(doneBefore).toBeLessThan(FRAMES)
    // What a kill during a write leaves behind: a temporary shard that never reached its rename.
    writeFileSync(join(killed, 'shards', 'fdeadbeefdeadbeef.jsonl.999.1.tmp'), '{"partial"')
    const rerun = runCli(args(killed))
    expect(rerun.status).toBe(0)
    expect(rerun.stdout).toContain(`${FRAMES - doneBefore} frames run, ${doneBefore} already done`)
    const resumed = readDataset(killed)
    const ids = resumed.lines.map((line) => JSON.parse(line).id as string)
    expect(new Set(ids).size).toBe(ids.length)
    // Same seed → the same samples as the uninterrupted run, line for line.
    expect(resumed.lines).toEqual(reference.lines)
    expect(resumed.manifest.counts).toEqual(reference.manifest.counts)
    expect(readdirSync(join(killed, 'shards')).filter((n) => n.endsWith('.tmp'))).toEqual([])
  }, 120_000)

  it('shows a dataset and one sample with its scene', () => {
    const out = join(work, 'clean')
    const list = runCli(['synth', '--show', out])
    expect(list.status).toBe(0)
    const firstId = list.stdout.split('\n')[1].split(/\s+/)[0]
    const one = runCli(['synth', '--show', out, firstId])
    expect(one.status).toBe(0)
    expect(one.stdout).toContain('metric scale: metre')
    expect(one.stdout).toMatch(/^Q: /m)
    const asked = runCli(['synth', '--show', out, firstId, '--ask', 'How many objects are there?'])
    expect(asked.status).toBe(0)
    const boxes = one.stdout.split('\n').filter((line) => /^ {2}\S.* centre \(/.test(line)).length
    expect(boxes).toBeGreaterThanOrEqual(2)
    expect(/^A: .*?(\d+)/m.exec(asked.stdout)?.[1]).toBe(String(boxes))
  })

  it('says a colour-only frame needs a depth model when none is installed, and leaves it pending', () => {
    const photos = join(work, 'photos')
    mkdirSync(photos, { recursive: true })
    copyFileSync(join(SYNTHETIC, 'scene_320x240_color.png'), join(photos, 'a.png'))
    copyFileSync(join(input, 'intrinsics.json'), join(photos, 'intrinsics.json'))
    const noModels = join(work, 'no-models')
    mkdirSync(noModels, { recursive: true })
    const out = join(work, 'photos-out')
    const run = runCli(['synth', photos, '--out', out, '--detector', 'none', '--workers', '1'], {
      ...process.env,
      SPATIAL_LENS_MODELS: noModels,
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/failed: f[0-9a-f]{16}: .*no metric depth model is installed/)
    expect(readdirSync(join(out, 'shards'))).toEqual([])
  })

  it('refuses a file named .mcap that is not one, and a changed configuration on resume', () => {
    const mcapFolder = join(work, 'mcap')
    mkdirSync(mcapFolder, { recursive: true })
    writeFileSync(join(mcapFolder, 'run.mcap'), 'x')
    const mcap = runCli(['synth', mcapFolder, '--out', join(work, 'm-out')])
    expect(mcap.status).toBe(2)
    expect(mcap.stderr).toMatch(/run\.mcap is not an MCAP file/)
    // A folder whose pinned configuration differs (here: another seed) is not resumed into.
    const other = join(work, 'other-config')
    mkdirSync(other, { recursive: true })
    writeFileSync(join(other, 'config.json'), JSON.stringify({ seed: 4 }))
    const changed = runCli(['synth', input, '--out', other, '--detector', 'none', '--seed', '3'])
    expect(changed.status).toBe(2)
    expect(changed.stderr).toMatch(/another configuration/)
  })
})
