import { describe, expect, it } from 'vitest'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'
import { generateSamples } from '../../main/synth/generateSamples'
import type { SynthManifest, SynthSample } from '../../main/contract/synthSchema'
import { footprints, readSynthDataset } from '../../renderer/src/sources/synthDataset'

const { samples } = generateSamples(
  sceneFromGroundTruth(loadGroundTruth('320x240')),
  { jobId: 'fa', image: 'images/fa.png', frame: 'rgb/1.png', points: '', seed: 1 },
  { minPoints: 0, requirePlane: true, minObjects: 2, maxPairs: 2 },
)
const manifest: SynthManifest = {
  format: 'spatial-lens-synth/1',
  version: '0.1.0',
  seed: 1,
  config: {},
  images: 'copied',
  jobs: 1,
  shards: ['shards/fa.jsonl'],
  counts: { frames: 1, framesKept: 1, samples: samples.length, perType: {}, dropped: {} },
  notes: [],
}
const folder = (shard: string) => [
  { path: 'ds/manifest.json', file: JSON.stringify(manifest) },
  { path: 'ds/shards/fa.jsonl', file: shard },
  { path: 'ds/images/fa.png', file: 'png bytes' },
  { path: 'ds/points/fa.json', file: 'points json' },
]
const readText = async (text: string) => text

describe('readSynthDataset', () => {
  it('reads the manifest, every sample and the images of a picked folder', async () => {
    const shard = samples.map((sample) => JSON.stringify(sample)).join('\n') + '\n'
    const opened = await readSynthDataset(folder(shard), readText)
    expect(opened.samples.map((sample) => sample.id)).toEqual(samples.map((sample) => sample.id))
    expect(opened.images.get('images/fa.png')).toBe('png bytes')
    expect([...opened.images.keys()]).toEqual(['images/fa.png'])
    expect([...opened.points.entries()]).toEqual([['points/fa.json', 'points json']])
  })

  it('names the shard and line of a malformed sample, and refuses a folder without a manifest', async () => {
    const bad = `${JSON.stringify(samples[0])}\n{"id": 3}\n`
    await expect(readSynthDataset(folder(bad), readText)).rejects.toThrow(/shards\/fa.jsonl:2/)
    await expect(readSynthDataset(folder('').slice(1), readText)).rejects.toThrow(
      /no manifest.json/,
    )
  })
})

describe('footprints', () => {
  it('gives the corners of yawed boxes seen from above (hand-computed)', () => {
    const base = samples[0]
    const object = {
      ...base.scene.objects[0],
      center_world_m: [1, 2, 0.5] as [number, number, number],
    }
    const sample = (yaw: number): SynthSample => ({
      ...base,
      scene: {
        ...base.scene,
        objects: [{ ...object, size_m: { width: 0.4, depth: 0.2, height: 1 }, yaw_rad: yaw }],
      },
    })
    const axis = footprints(sample(0))[0].corners
    expect(axis).toEqual([
      [1.2, 2.1],
      [0.8, 2.1],
      [0.8, 1.9],
      [1.2, 1.9],
    ])
    // Yawed 90°: the width now runs along world y.
    const turned = footprints(sample(Math.PI / 2))[0].corners
    expect(turned[0][0]).toBeCloseTo(0.9, 12)
    expect(turned[0][1]).toBeCloseTo(2.2, 12)
  })
})
