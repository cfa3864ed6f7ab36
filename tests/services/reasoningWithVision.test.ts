import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SpatialService } from '../../main/services/SpatialService'
import { WorkerSceneExecutor } from '../../main/workers/sceneExecutor'
import { SettingsStore } from '../../main/settings/SettingsStore'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'
import { decodeColorImage } from '../../main/sources/colorImage'
import { NO_VISION_LINE, VISION_LINE } from '../../main/reasoning/prompts'
import { startFakeLlmServer, type FakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { SYNTHETIC } from '../helpers/syntheticTabletop'
import {
  brightnessLogits,
  installTinySmolVlm,
  stepwiseLogits,
  VLM_ID,
  type InstalledVlm,
} from '../helpers/tinySmolVlm'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../helpers/tinySmolVlmTokenizer'
import { callService } from './serviceCall'

/**
 * The app's qa:reason with the installed vision-language model: the service hands the kept frame
 * image and the model to the orchestrator, and the model runs in the scene worker (the hosts' path,
 * out/main/scene.worker.js), never on the host's thread. A tiny SmolVLM (real graphs with the
 * manifest's signatures, installed as an offline user copies files) answers "yes" for a bright crop
 * and "no" for a dark one; the same model run inline in this test gives the expected answer.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const workerPath = join(repoRoot, 'out', 'main', 'scene.worker.js')
const { vocab } = tinySmolVlmTokenizer()
const colorPng = new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_color.png')))
const frame = {
  kind: 'rgbd',
  name: 'synthetic',
  colorFile: colorPng,
  depthFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_depth.png'))),
  intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 },
}
const regions = [
  { label: 'mug', point: [282, 270] },
  { label: 'laptop', box: [150, 130, 330, 200] },
]

let llm: FakeLlmServer
const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-reason-vision-'))
const previousModels = process.env.SPATIAL_LENS_MODELS
const toCleanUp: string[] = [scratch]

/** A service on its own scene worker whose model cache is `cache` (workers read the environment when created). */
function serviceWithModels(
  cache: string,
  name: string,
): { service: SpatialService; executor: WorkerSceneExecutor } {
  process.env.SPATIAL_LENS_MODELS = cache
  const executor = new WorkerSceneExecutor(workerPath, 1)
  const service = new SpatialService(executor, 'serve', {
    settings: new SettingsStore({ directory: join(scratch, name) }),
    log: new MeasurementLog({ path: join(scratch, name, 'log.jsonl') }),
  })
  return { service, executor }
}

const call = callService

async function analyzedScene(service: SpatialService): Promise<string> {
  await call(service, 'settings:update', { llm: { spec: `openai:${llm.url}/v1#tiny` } })
  const analyzed = await call<any>(service, 'scene:analyze', {
    frame,
    regions,
    perception: { detector: 'none', provider: 'cpu' },
  })
  return analyzed.summary.sceneId
}

const lastToolResult = (body: any): any =>
  JSON.parse(body.messages.filter((m: { role: string }) => m.role === 'tool').at(-1).content)
const systemText = (body: any): string => body.messages[0].content
const toolNames = (body: any): string[] => (body.tools ?? []).map((t: any) => t.function.name)

beforeAll(async () => {
  if (!existsSync(workerPath))
    throw new Error(`${workerPath} is missing: run \`npm run build\` first`)
  llm = await startFakeLlmServer()
})
afterAll(async () => {
  await llm.close()
  if (previousModels === undefined) delete process.env.SPATIAL_LENS_MODELS
  else process.env.SPATIAL_LENS_MODELS = previousModels
  for (const dir of toCleanUp) rmSync(dir, { recursive: true, force: true })
})

describe('qa:reason with an installed vision-language model', () => {
  let installed: InstalledVlm
  let service: SpatialService
  let sceneId: string
  beforeAll(async () => {
    installed = installTinySmolVlm(
      brightnessLogits(vocab['Ġyes'], vocab['Ġno'], SPECIAL_IDS.endOfUtterance),
    )
    toCleanUp.push(installed.cache)
    ;({ service } = serviceWithModels(installed.cache, 'with-vlm'))
    sceneId = await analyzedScene(service)
  })
  afterAll(async () => {
    await service.dispose()
    await installed.runner.dispose()
  })

  it('offers the visual tools; ask_image about the mug answers from the frame image, as the model run inline does', async () => {
    llm.requests.length = 0
    llm.script(
      { kind: 'tool', name: 'ask_image', args: { question: 'Is it white?', object: 'mug' } },
      {
        kind: 'later',
        reply: (body) => ({
          kind: 'text',
          chunks: [`The vision model says "${lastToolResult(body).answer}".`],
        }),
      },
    )
    const result = await call<any>(service, 'qa:reason', {
      sceneId,
      question: 'is the mug white?',
      requestId: 'vision-1',
    })
    expect(systemText(llm.requests[0].body)).toContain(VISION_LINE)
    expect(toolNames(llm.requests[0].body)).toEqual(
      expect.arrayContaining(['ask_image', 'describe_object', 'find_object_by_description']),
    )
    expect(result.stopReason).toBe('final')
    const asked = result.steps.find(
      (s: any) => s.kind === 'tool_result' && s.tool === 'ask_image',
    ).result
    expect(asked).toMatchObject({ object: 'mug', model: VLM_ID, is_complete: true })
    // The region is the mug's pixels in the 640 × 480 frame; the answer is what the model gives for that crop.
    const [x0, y0, x1, y1] = asked.region_px
    expect(0 <= x0 && x0 < x1 && x1 <= 640 && 0 <= y0 && y0 < y1 && y1 <= 480).toBe(true)
    const image = await decodeColorImage(colorPng, 'synthetic')
    const inline = await (
      await installed.factory.smolVlm(VLM_ID)
    ).ask(image, 'Is it white?', { region: asked.region_px })
    expect(['yes', 'no']).toContain(inline.text)
    expect(asked.answer).toBe(inline.text)
    expect(result.answer).toBe(`The vision model says "${inline.text}".`)
  })

  it('find_object_by_description asks about each candidate and names the matches', async () => {
    llm.script(
      {
        kind: 'tool',
        name: 'find_object_by_description',
        args: { description: 'something bright', candidates: ['mug', 'laptop'] },
      },
      {
        kind: 'later',
        reply: (body) => ({
          kind: 'text',
          chunks: [`Matches: ${lastToolResult(body).matches.join(', ') || 'none'}.`],
        }),
      },
    )
    const result = await call<any>(service, 'qa:reason', {
      sceneId,
      question: 'which object is bright?',
      requestId: 'vision-2',
    })
    const found = result.steps.find((s: any) => s.kind === 'tool_result').result
    expect(found.answers.map((a: any) => a.object)).toEqual(['mug', 'laptop'])
    expect(found.matches).toEqual(
      found.answers.filter((a: any) => a.answer === 'yes').map((a: any) => a.object),
    )
    expect(result.stopReason).toBe('final')
  })
})

describe('qa:reason without a vision-language model', () => {
  it('offers no visual tools and tells the LLM that visual questions cannot be answered', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'spatial-lens-no-models-'))
    toCleanUp.push(empty)
    const { service } = serviceWithModels(empty, 'without-vlm')
    try {
      const sceneId = await analyzedScene(service)
      llm.requests.length = 0
      llm.script({
        kind: 'text',
        chunks: ['No vision model is installed, so I cannot tell the colour.'],
      })
      const result = await call<any>(service, 'qa:reason', {
        sceneId,
        question: 'is the mug white?',
        requestId: 'no-vision',
      })
      expect(result.stopReason).toBe('final')
      expect(systemText(llm.requests[0].body)).toContain(NO_VISION_LINE)
      expect(toolNames(llm.requests[0].body)).not.toContain('ask_image')
      expect(toolNames(llm.requests[0].body)).toContain('measure')
    } finally {
      await service.dispose()
    }
  })
})

describe('the vision model in the scene worker', () => {
  let installed: InstalledVlm
  let executor: WorkerSceneExecutor
  beforeAll(() => {
    // A decoder that never ends its answer: only cancellation or maxNewTokens stops it.
    installed = installTinySmolVlm(stepwiseLogits(1, [vocab['Ġmug']]))
    toCleanUp.push(installed.cache)
    ;({ executor } = serviceWithModels(installed.cache, 'worker'))
  })
  afterAll(async () => {
    await executor.dispose()
    await installed.runner.dispose()
  })

  const image = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3).fill(200) }

  it('reports the installed model and answers within maxNewTokens', async () => {
    expect(await executor.visionModel({ provider: 'cpu' })).toBe(VLM_ID)
    const answer = await executor.askVision({
      modelId: VLM_ID,
      provider: 'cpu',
      image,
      question: 'What is it?',
      maxNewTokens: 3,
    })
    expect(answer).toMatchObject({ text: 'mug mug mug', stopReason: 'max_tokens', provider: 'cpu' })
  })

  it('cancelling stops the decoding in the worker, then rejects; the worker answers the next question', async () => {
    const controller = new AbortController()
    const endless = executor.askVision(
      {
        modelId: VLM_ID,
        provider: 'cpu',
        image,
        question: 'Describe everything.',
        maxNewTokens: 1_000_000,
      },
      controller.signal,
    )
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 300)
    // The rejection waits for the worker to stop: had it kept decoding a million tokens, it would never arrive.
    await expect(endless).rejects.toThrow('cancelled by the user')
    const next = await executor.askVision({
      modelId: VLM_ID,
      provider: 'cpu',
      image,
      question: 'What is it?',
      maxNewTokens: 1,
    })
    expect(next.text).toBe('mug')
    await expect(
      executor.askVision(
        { modelId: VLM_ID, image, question: 'x' },
        AbortSignal.abort(new Error('gone')),
      ),
    ).rejects.toThrow('gone')
  })

  it('rejects a malformed request and a model that is not the installed one, with clear messages', async () => {
    const torn = { width: 64, height: 48, data: new Uint8Array(10) }
    await expect(
      executor.askVision({ modelId: VLM_ID, image: torn, question: 'x' }),
    ).rejects.toThrow(/not width × height × 3 bytes/)
    await expect(
      executor.askVision({ modelId: 'other-vlm', image, question: 'x' }),
    ).rejects.toThrow(/other-vlm is no longer installed/)
  })
})

describe('closing while the vision model decodes', () => {
  it('stops the decoding before the worker ends: the request rejects and the process lives on', async () => {
    const installed = installTinySmolVlm(stepwiseLogits(1, [vocab['Ġmug']]))
    toCleanUp.push(installed.cache)
    const { executor } = serviceWithModels(installed.cache, 'closing')
    const image = { width: 64, height: 48, data: new Uint8Array(64 * 48 * 3).fill(200) }
    const endless = executor.askVision({
      modelId: VLM_ID,
      image,
      question: 'Describe everything.',
      maxNewTokens: 1_000_000,
    })
    endless.catch(() => undefined)
    // Let the worker load the model and start decoding.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await executor.dispose()
    await expect(endless).rejects.toThrow(/cancelled|stopped/)
    await installed.runner.dispose()
  })
})
