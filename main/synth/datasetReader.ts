/**
 * Reading a generated dataset back (for `synth --show` and the app): the manifest, the samples of every shard,
 * each line checked against the contract (synthSampleSchema). A bad line is an error naming shard and line.
 */

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  storedPlane,
  synthManifestSchema,
  synthSampleSchema,
  type SynthManifest,
  type SynthSample,
} from '../contract/synthSchema'
import { UserError } from '../app/userError'

/** The manifest of the dataset in `folder`. @throws UserError when it is missing or malformed. */
export async function readManifest(folder: string): Promise<SynthManifest> {
  const text = await readFile(join(folder, 'manifest.json'), 'utf8').catch(() => null)
  if (text === null) throw new UserError(`${folder} is not a synth dataset (no manifest.json)`)
  const parsed = synthManifestSchema.safeParse(JSON.parse(text))
  if (!parsed.success)
    throw new UserError(`${folder}/manifest.json is malformed: ${parsed.error.issues[0]?.message}`)
  return parsed.data
}

/** Every sample of the dataset, shard by shard, validated. */
export async function readSamples(
  folder: string,
  manifest?: SynthManifest,
): Promise<SynthSample[]> {
  const shards = (manifest ?? (await readManifest(folder))).shards
  const samples: SynthSample[] = []
  for (const shard of shards) {
    const lines = (await readFile(join(folder, shard), 'utf8')).split('\n')
    lines.forEach((line, index) => {
      if (line === '') return
      const parsed = synthSampleSchema.safeParse(JSON.parse(line))
      if (!parsed.success)
        throw new UserError(
          `${shard}:${index + 1}: not a valid sample: ${parsed.error.issues[0]?.message}`,
        )
      samples.push(parsed.data)
    })
  }
  return samples
}

/** One sample as text: question, answer, and the scene's boxes (metres, world frame). */
export function formatSample(sample: SynthSample): string {
  const scene = sample.scene
  const boxes = scene.objects.map((object) => {
    const [x, y, z] = object.center_world_m.map((v) => v.toFixed(3))
    const { width, depth, height } = object.size_m
    return `  ${object.name.padEnd(16)} centre (${x}, ${y}, ${z}) m  size ${width.toFixed(3)}×${depth.toFixed(3)}×${height.toFixed(3)} m  ${object.point_count} points`
  })
  const found = storedPlane(scene)
  const plane = found
    ? `n=(${found.normal.map((v) => v.toFixed(3)).join(', ')}) d=${found.offset.toFixed(3)} m`
    : 'none'
  return [
    `${sample.id}  [${sample.question_type}, ${sample.category}]  image ${sample.image}  frame ${sample.frame}`,
    `Q: ${sample.conversations[0].value.replace('<image>\n', '')}`,
    `A: ${sample.conversations[1].value}`,
    `   value: ${sample.answer.number ?? sample.answer.bool ?? sample.answer.name} ${sample.answer.unit}  engine: ${sample.answer.engine_text}`,
    sample.mirror_id ? `   other order: ${sample.mirror_id}` : '',
    `Scene (metric scale: ${scene.metric_scale}; depth ${scene.depth_source}; ${scene.frame_kind}; plane ${plane}; ${scene.intrinsics.width}×${scene.intrinsics.height} fx ${scene.intrinsics.fx}):`,
    ...boxes,
  ]
    .filter(Boolean)
    .join('\n')
}
