import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pinFleetConfig } from '../../main/fleet/pinFleetConfig'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-pin-'))
  dirs.push(dir)
  return dir
}

const config = (dir: string, seed = 3) => ({
  outDir: dir,
  seed,
  filters: { minPoints: 200, maxPairs: 12, requirePlane: true, minObjects: 2 },
  perception: { detector: 'nanodet' as const },
  withPoints: false,
})

// What the local `spatial-lens synth --seed 3` pins (main/synth/runSynth.ts), written out by hand.
const LOCAL_PIN = `{
  "seed": 3,
  "filters": {
    "minPoints": 200,
    "maxPairs": 12,
    "requirePlane": true,
    "minObjects": 2
  },
  "perception": {
    "detector": "nanodet"
  },
  "withPoints": false,
  "inputs": [
    "/nfs/in"
  ]
}`

describe('pinFleetConfig', () => {
  it('pins a new folder in the local synth form, so the local synth resumes it', async () => {
    const dir = outDir()
    await pinFleetConfig(config(dir), ['/nfs/in'])
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(LOCAL_PIN)
  })

  it('accepts a folder the local synth pinned with the same options', async () => {
    const dir = outDir()
    writeFileSync(join(dir, 'config.json'), LOCAL_PIN)
    await expect(pinFleetConfig(config(dir), ['/nfs/in'])).resolves.toBeUndefined()
  })

  it('refuses a folder made with another configuration (shards would mix seeds)', async () => {
    const dir = outDir()
    writeFileSync(join(dir, 'config.json'), LOCAL_PIN)
    await expect(pinFleetConfig(config(dir, 4), ['/nfs/in'])).rejects.toThrow(
      'holds a dataset made with another configuration',
    )
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(LOCAL_PIN)
  })
})
