import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sceneSummarySchema } from '../../main/contract/sceneSchema'
import { smolVlmPrompt } from '../../main/engine/perception/smolVlmPrompt'
import { smolVlmTokenizerFromJson } from '../../main/inference/models/smolVlmTokenizer'
import { NAME_QUESTION } from '../../main/perception/vlmObjectNames'
import { runCli } from '../helpers/runCli'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import { installTinySmolVlm, stepwiseLogits } from '../helpers/tinySmolVlm'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../helpers/tinySmolVlmTokenizer'

/**
 * `--vlm-names` through the built CLI, with a tiny SmolVLM installed in the model cache the way an
 * offline user copies files: it answers "mug" to the naming question for every crop.
 */
const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-vlm-cli-'))
const intrinsics = join(temp, 'K320.json')
writeFileSync(
  intrinsics,
  JSON.stringify({
    width: 320,
    height: 240,
    fx: 262.5,
    fy: 262.5,
    cx: 159.5,
    cy: 119.5,
    depthScale: 1000,
  }),
)
const frame = [
  '--rgb',
  join(SYNTHETIC, 'scene_320x240_color.png'),
  '--depth',
  join(SYNTHETIC, 'scene_320x240_depth.png'),
  '--intrinsics',
  intrinsics,
  '--detector',
  'none',
]
const { tokenizerJson, vocab } = tinySmolVlmTokenizer()
const promptLength = smolVlmTokenizerFromJson(tokenizerJson).encode(
  smolVlmPrompt(NAME_QUESTION),
).length
const installed = installTinySmolVlm(
  stepwiseLogits(promptLength, [vocab['Ġmug'], SPECIAL_IDS.endOfUtterance]),
)
const emptyCache = mkdtempSync(join(tmpdir(), 'spatial-lens-no-models-'))
afterAll(async () => {
  await installed.runner.dispose()
  for (const dir of [temp, installed.cache, emptyCache])
    rmSync(dir, { recursive: true, force: true })
})

const withModels = (cache: string) => ({ ...process.env, SPATIAL_LENS_MODELS: cache })

describe('spatial-lens scene --vlm-names', () => {
  it('names every geometry cluster from the vision model, uniquely, and reports the step', () => {
    const run = runCli(['scene', ...frame, '--vlm-names', '--json'], withModels(installed.cache))
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const scene = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(scene.objects.length).toBeGreaterThanOrEqual(4)
    expect(scene.objects.every((o) => o.label === 'mug')).toBe(true)
    expect(new Set(scene.objects.map((o) => o.name)).size).toBe(scene.objects.length)
    const step = scene.perception?.steps.find((s) => s.stage === 'naming')
    expect(step).toMatchObject({ modelId: 'smolvlm-256m-instruct', provider: 'cpu' })
    expect(step?.note).toMatch(
      new RegExp(`^${scene.objects.length} of ${scene.objects.length} geometry objects named`),
    )
  })

  it('without the model keeps the descriptive names and says how to install it', () => {
    const run = runCli(['scene', ...frame, '--vlm-names', '--json'], withModels(emptyCache))
    expect(run.status).toBe(0)
    const scene = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(scene.objects.every((o) => o.label.endsWith('object'))).toBe(true)
    expect(scene.perception?.notes).toEqual([
      expect.stringContaining('spatial-lens models download smolvlm-256m-instruct'),
    ])
  })

  it('leaves names alone without the flag, and rejects a bad --vlm choice', () => {
    const run = runCli(['scene', ...frame, '--json'], withModels(installed.cache))
    const scene = sceneSummarySchema.parse(JSON.parse(run.stdout))
    expect(scene.objects.some((o) => o.label === 'mug')).toBe(false)
    const bad = runCli(['ask', ...frame, '--vlm', 'maybe', 'what colour is the mug?'])
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toMatch(/--vlm must be auto or none/)
  })
})
