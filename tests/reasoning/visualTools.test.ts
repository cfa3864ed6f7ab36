import { AIMessage, type BaseMessage } from '@langchain/core/messages'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { objectImageRegion } from '../../main/engine/perception/imageCrop'
import type { RgbImage } from '../../main/engine/types'
import type { SmolVlm } from '../../main/inference/models/smolVlm'
import { askWithReasoning } from '../../main/reasoning/orchestrator'
import { runTool } from '../../main/reasoning/guard'
import { createSpatialTools, NO_VLM_MESSAGE } from '../../main/reasoning/spatialTools'
import { NO_VISION_LINE, VISION_LINE } from '../../main/reasoning/prompts'
import { callsTools, lastToolResult, scripted } from './fakeModels'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../helpers/tinySmolVlmTokenizer'
import {
  installTinySmolVlm,
  VLM_ID,
  brightnessLogits,
  type InstalledVlm,
} from '../helpers/tinySmolVlm'
import { HEIGHT, paintedScene, WIDTH } from '../helpers/paintedScene'

/**
 * The visual tools through askWithReasoning with a scripted chat model and a real SmolVlm over tiny
 * graphs. The tiny decoder answers "yes" for a bright crop and "no" for a dark one (it reads the
 * merged image features), so "which one is the white cup" has a checkable answer.
 */
const { vocab } = tinySmolVlmTokenizer()
const DECODER = 'decoder_model_merged_int8.onnx'
const ENCODER = 'vision_encoder_int8.onnx'

const { scene, image } = paintedScene()
let installed: InstalledVlm
let vlm: SmolVlm
beforeAll(async () => {
  installed = installTinySmolVlm(
    brightnessLogits(vocab['Ġyes'], vocab['Ġno'], SPECIAL_IDS.endOfUtterance),
  )
  vlm = await installed.factory.smolVlm(VLM_ID)
})
afterAll(() => installed.runner.dispose())

const systemText = (messages: BaseMessage[]) => messages[0].text

/** Every other pixel of every other row: the frame at half size (as buildSceneImage downscales). */
function halfSize(rgb: RgbImage): RgbImage {
  const width = rgb.width / 2
  const height = rgb.height / 2
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const source = (2 * y * rgb.width + 2 * x) * 3
      data.set(rgb.data.subarray(source, source + 3), (y * width + x) * 3)
    }
  }
  return { width, height, data }
}

describe('visual tools', () => {
  it('exist only with a vision-language model and the image', () => {
    const names = (tools: { name: string }[]) => tools.map((t) => t.name)
    expect(names(createSpatialTools(scene, { vlm, image })).slice(-3)).toEqual([
      'ask_image',
      'describe_object',
      'find_object_by_description',
    ])
    expect(names(createSpatialTools(scene, { vlm }))).not.toContain('ask_image')
    expect(names(createSpatialTools(scene, { image }))).not.toContain('ask_image')
    // Without a vision model the visual tools are absent and every other tool stays.
    expect(names(createSpatialTools(scene))).toEqual(
      names(createSpatialTools(scene, { vlm, image })).slice(0, -3),
    )
  })

  it('"which one is the white cup": find_object_by_description, then ask_image about the match, through the orchestrator', async () => {
    installed.runner.runs.length = 0
    const model = scripted(
      (messages) => {
        expect(systemText(messages)).toContain(VISION_LINE)
        return callsTools([
          [
            'find_object_by_description',
            { description: 'a white cup', candidates: ['mug', 'laptop', 'bottle', 'can'] },
          ],
        ])
      },
      (messages) => {
        const found = lastToolResult(messages)
        return callsTools([['ask_image', { question: 'Is it white?', object: found.matches[0] }]])
      },
      (messages) =>
        new AIMessage(
          `The white cup is the mug (the vision model says "${lastToolResult(messages).answer}").`,
        ),
    )
    const r = await askWithReasoning(scene, 'which one is the white cup?', { model, vlm, image })
    expect(r.stopReason).toBe('final')
    const results = r.steps.filter((s) => s.kind === 'tool_result').map((s) => s.result as any)
    const found = results[0]
    expect(found.matches).toEqual(['mug'])
    expect(found.answers).toEqual([
      { object: 'mug', answer: 'yes', reading: 'yes' },
      { object: 'laptop', answer: 'no', reading: 'no' },
      { object: 'bottle', answer: 'no', reading: 'no' },
      { object: 'can', answer: null, reading: 'no image region' },
    ])
    expect(found.model).toBe(VLM_ID)
    const asked = results[1]
    const mug = scene.objects.find((o) => o.name === 'mug')!
    expect(asked).toMatchObject({ object: 'mug', answer: 'yes', is_complete: true, model: VLM_ID })
    expect(asked.region_px).toEqual(objectImageRegion(mug, WIDTH, HEIGHT))
    expect(r.answer).toContain('the mug')
    // Three crops for find, one for ask: four encoder runs, each on a 512 × 512 view of its crop.
    expect(installed.runner.of(ENCODER)).toHaveLength(4)
  })

  it("describe_object captions one object's region; names and regions are checked", async () => {
    const tools = createSpatialTools(scene, { vlm, image })
    const described = JSON.parse(await runTool(tools, 'describe_object', { object: 'laptop' }))
    expect(described).toMatchObject({ object: 'laptop', description: 'no', model: VLM_ID })
    expect(await runTool(tools, 'describe_object', { object: 'cup' })).toMatch(
      /^Error: unknown object "cup"\. Known objects:/,
    )
    expect(await runTool(tools, 'describe_object', { object: 'can' })).toMatch(
      /^Error: "can" has no pixels in this frame/,
    )
    // The mostly grey frame reads as neither: the tiny model ends its turn at once (an empty answer).
    const whole = JSON.parse(await runTool(tools, 'ask_image', { question: 'Is there a cup?' }))
    expect(whole).toMatchObject({ object: null, region_px: null, answer: '', is_complete: true })
    const small: RgbImage = { width: 10, height: 10, data: new Uint8Array(300) }
    const mismatched = createSpatialTools(scene, { vlm, image: small })
    expect(await runTool(mismatched, 'describe_object', { object: 'mug' })).toMatch(
      /image is 10×10 but the scene was built from a 640×480 frame/,
    )
  })

  it('a downscaled copy of the frame (the 2D view of a large frame) gets the object regions scaled to it', async () => {
    const mug = scene.objects.find((o) => o.name === 'mug')!
    const full = objectImageRegion(mug, WIDTH, HEIGHT)!
    const ask = (copy: RgbImage) =>
      runTool(createSpatialTools(scene, { vlm, image: copy }), 'ask_image', {
        question: 'Is it white?',
        object: 'mug',
      })
    const asked = JSON.parse(await ask(halfSize(image)))
    // Halved and rounded outward to whole pixels; the crop shows the same white patch, so the answer is the full-size one.
    expect(asked.region_px).toEqual([
      Math.floor(full[0] / 2),
      Math.floor(full[1] / 2),
      Math.ceil(full[2] / 2),
      Math.ceil(full[3] / 2),
    ])
    expect(asked.answer).toBe('yes')
    const squashed: RgbImage = {
      width: WIDTH / 2,
      height: HEIGHT,
      data: new Uint8Array((WIDTH / 2) * HEIGHT * 3),
    }
    expect(await ask(squashed)).toMatch(
      /image is 320×480 but the scene was built from a 640×480 frame/,
    )
  })

  it('without a vision model the prompt says visual attributes cannot be answered, and a visual tool call gets that reason', async () => {
    const model = scripted(
      (messages) => {
        expect(systemText(messages)).toContain(NO_VISION_LINE)
        expect(systemText(messages)).not.toContain('ask_image')
        return callsTools([['ask_image', { question: 'what colour is it?', object: 'mug' }]])
      },
      (messages) => {
        expect(messages.at(-1)?.text).toBe(`Error: ${NO_VLM_MESSAGE}`)
        return new AIMessage(
          'I cannot tell the colour of the mug: no vision-language model is installed.',
        )
      },
    )
    const r = await askWithReasoning(scene, 'what colour is the mug?', { model, image })
    expect(r.stopReason).toBe('final')
    const error = r.steps.find((s) => s.kind === 'error')
    expect(error).toMatchObject({ tool: 'ask_image', text: `Error: ${NO_VLM_MESSAGE}` })
    expect(NO_VLM_MESSAGE).toMatch(/never|instead of guessing/)
    expect(NO_VLM_MESSAGE).toContain('spatial-lens models download smolvlm-256m-instruct')
  })

  it('cancelling the run stops the vision model between decoding steps', async () => {
    installed.runner.runs.length = 0
    const controller = new AbortController()
    installed.runner.afterRun = (run) => {
      if (run.file === DECODER) controller.abort(new Error('user cancelled'))
    }
    const model = scripted(
      callsTools([['describe_object', { object: 'mug' }]]),
      new AIMessage('unreachable'),
    )
    const r = await askWithReasoning(scene, 'describe the mug', {
      model,
      vlm,
      image,
      signal: controller.signal,
    })
    installed.runner.afterRun = undefined
    expect(r.stopReason).toBe('cancelled')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(installed.runner.of(DECODER)).toHaveLength(1)
  })
})
