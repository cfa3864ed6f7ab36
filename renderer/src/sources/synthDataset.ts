/**
 * Opening a `spatial-lens synth` dataset folder in the app: the manifest, every shard's samples (each line checked
 * against the contract) and the images by path. Pure over "files with text()" (the browser's File in the app), so
 * it is unit-tested without a browser.
 */

import {
  synthManifestSchema,
  synthSampleSchema,
  type SynthManifest,
  type SynthSample,
} from '../../../main/contract/synthSchema'

/** One file of the picked folder: its path inside the folder and a way to read it as text. */
export interface DatasetEntry<F> {
  file: F
  path: string
}

export interface OpenedDataset<F> {
  manifest: SynthManifest
  samples: SynthSample[]
  /** Image files by their path relative to the dataset folder ("images/f….png"). */
  images: Map<string, F>
  /** Object point-cloud sidecars by path ("points/f….json"; only with `--with-points`). */
  points: Map<string, F>
}

/**
 * Reads the dataset (see the module comment). Paths may start with the picked folder's own name.
 * @throws Error with a user-facing message: no manifest.json, a malformed manifest or sample line, a missing shard.
 */
export async function readSynthDataset<F>(
  entries: DatasetEntry<F>[],
  readText: (file: F) => Promise<string>,
): Promise<OpenedDataset<F>> {
  const manifestEntry = entries.find((entry) => /(^|\/)manifest\.json$/.test(entry.path))
  if (!manifestEntry)
    throw new Error(
      'This folder is not a synth dataset: it has no manifest.json (made by `npx spatial-lens synth`).',
    )
  const root = manifestEntry.path.slice(0, manifestEntry.path.length - 'manifest.json'.length)
  const byPath = new Map(
    entries
      .filter((entry) => entry.path.startsWith(root))
      .map((entry) => [entry.path.slice(root.length), entry.file]),
  )
  const parsed = synthManifestSchema.safeParse(JSON.parse(await readText(manifestEntry.file)))
  if (!parsed.success)
    throw new Error(`manifest.json is malformed: ${parsed.error.issues[0]?.message}`)
  const samples: SynthSample[] = []
  for (const shard of parsed.data.shards) {
    const file = byPath.get(shard)
    if (file === undefined)
      throw new Error(`The dataset lists ${shard}, which is not in the folder.`)
    const lines = (await readText(file)).split('\n')
    lines.forEach((line, index) => {
      if (line === '') return
      const sample = synthSampleSchema.safeParse(JSON.parse(line))
      if (!sample.success)
        throw new Error(
          `${shard}:${index + 1} is not a valid sample: ${sample.error.issues[0]?.message}`,
        )
      samples.push(sample.data)
    })
  }
  const under = (folder: string) => new Map([...byPath].filter(([path]) => path.startsWith(folder)))
  return { manifest: parsed.data, samples, images: under('images/'), points: under('points/') }
}

/**
 * Box footprints of a sample's scene seen from above (world x right, y forward), as polygons in metres: what the
 * dataset panel draws. Corners of the yawed width × depth rectangle around each centre.
 */
export function footprints(sample: SynthSample): { name: string; corners: [number, number][] }[] {
  return sample.scene.objects.map((object) => {
    const [x, y] = object.center_world_m
    const c = Math.cos(object.yaw_rad)
    const s = Math.sin(object.yaw_rad)
    const hw = object.size_m.width / 2
    const hd = object.size_m.depth / 2
    const corners = [
      [hw, hd],
      [-hw, hd],
      [-hw, -hd],
      [hw, -hd],
    ].map(([u, v]): [number, number] => [x + u * c - v * s, y + u * s + v * c])
    return { name: object.name, corners }
  })
}
