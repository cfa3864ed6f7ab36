/**
 * One config.json for the local synth and the fleet: the same options give the same pinned file whichever wrote it,
 * so either can resume or finish the other's dataset; another configuration is refused.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datasetConfig, pinDatasetConfig } from '../../main/synth/datasetConfig'
import { runSynthCommand } from '../../main/cli/synthCommand'
import { parseFleetSynthArgs, type FleetSubmitArgs } from '../../main/cli/fleetArgs'
import { planFleetJobs } from '../../main/fleet/fleetPlan'
import { SYNTHETIC, loadGroundTruth } from '../helpers/syntheticTabletop'
import { COLOR_TOPIC, DEPTH_TOPIC, writeRgbdMcap } from '../helpers/rgbdMcap'

const work = mkdtempSync(join(tmpdir(), 'synth-config-'))
const frames = join(work, 'frames')
const recordings = join(work, 'recordings')
beforeAll(async () => {
  mkdirSync(join(frames, 'rgb'), { recursive: true })
  mkdirSync(join(frames, 'depth'))
  copyFileSync(join(SYNTHETIC, 'scene_320x240_color.png'), join(frames, 'rgb', '0001.png'))
  copyFileSync(join(SYNTHETIC, 'scene_320x240_depth.png'), join(frames, 'depth', '0001.png'))
  const gt = loadGroundTruth('320x240')
  writeFileSync(
    join(frames, 'intrinsics.json'),
    JSON.stringify({ width: 320, height: 240, ...gt.intrinsics, depthScale: 1000 }),
  )
  mkdirSync(recordings)
  await writeRgbdMcap(join(recordings, 'one.mcap'), 1)
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** What `spatial-lens synth … --queue` pins before queueing (fleetSynthCommand), without Redis. */
async function fleetPin(argv: string[]): Promise<string> {
  const args = parseFleetSynthArgs([...argv, '--queue', 'redis://127.0.0.1:1']) as FleetSubmitArgs
  const { pinned } = await planFleetJobs(args)
  mkdirSync(args.config.outDir, { recursive: true })
  await pinDatasetConfig(args.config.outDir, pinned)
  return readFileSync(join(args.config.outDir, 'config.json'), 'utf8')
}

async function localRun(argv: string[]): Promise<string> {
  const lines: string[] = []
  const code = await runSynthCommand([...argv, '--workers', '1'], (line) => lines.push(line))
  expect(code, lines.join('\n')).toBe(0)
  return readFileSync(join(argv[argv.indexOf('--out') + 1], 'config.json'), 'utf8')
}

// What `spatial-lens synth DIR --seed 3 --detector none --max-pairs 4` pins, written out by hand.
const framesPin = (root: string) => `{
  "seed": 3,
  "filters": {
    "minPoints": 200,
    "maxPairs": 4,
    "requirePlane": true,
    "minObjects": 2
  },
  "perception": {
    "detector": "none"
  },
  "withPoints": false,
  "inputs": [
    ${JSON.stringify(root)}
  ]
}`

describe('config.json: one format for the local synth and the fleet', () => {
  const options = ['--seed', '3', '--detector', 'none', '--max-pairs', '4']

  it('a local run and a fleet submission over the same folder pin the same text', async () => {
    const local = await localRun([frames, '--out', join(work, 'local'), ...options])
    const fleet = await fleetPin([frames, '--out', join(work, 'fleet'), ...options])
    expect(local).toBe(framesPin(frames))
    expect(fleet).toBe(local)
  })

  it('the same holds for a recording (topics and --every pinned), and the fleet accepts the local folder', async () => {
    const out = join(work, 'local-mcap')
    const topics = ['--color-topic', COLOR_TOPIC, '--depth-topic', DEPTH_TOPIC]
    const withTopic = [...options, ...topics, '--every', '2']
    const local = await localRun([recordings, '--out', out, ...withTopic])
    const fleet = await fleetPin([recordings, '--out', join(work, 'fleet-mcap'), ...withTopic])
    expect(fleet).toBe(local)
    expect(JSON.parse(local).mcap).toEqual({
      topics: { colorTopic: COLOR_TOPIC, depthTopic: DEPTH_TOPIC },
      every: 2,
    })
    // Submitting to the folder the local run made: same configuration, accepted as it is.
    await expect(fleetPin([recordings, '--out', out, ...withTopic])).resolves.toBe(local)
  })

  it('refuses a folder made with another configuration and leaves its config.json alone', async () => {
    const out = join(work, 'refuse')
    mkdirSync(out)
    const filters = { minPoints: 200, maxPairs: 4, requirePlane: true, minObjects: 2 }
    const base = { seed: 3, filters, perception: { detector: 'none' as const }, withPoints: false }
    await pinDatasetConfig(out, datasetConfig(base, [frames], null))
    const before = readFileSync(join(out, 'config.json'), 'utf8')
    await expect(
      pinDatasetConfig(out, datasetConfig({ ...base, seed: 4 }, [frames], null)),
    ).rejects.toThrow('holds a dataset made with another configuration')
    await expect(fleetPin([frames, '--out', out, '--seed', '4'])).rejects.toThrow(
      'another configuration',
    )
    expect(readFileSync(join(out, 'config.json'), 'utf8')).toBe(before)
  })
})
