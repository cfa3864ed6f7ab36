import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { smolVlmPrompt, tokenPositions } from '../../../main/engine/perception/smolVlmPrompt'
import { smolVlmTokenizerFromJson } from '../../../main/inference/models/smolVlmTokenizer'
import { ModelStore } from '../../../main/models/ModelStore'
import { ModelFactory } from '../../../main/models/modelFactory'
import { PerceptionService } from '../../../main/perception/PerceptionService'
import { CalibrationStore } from '../../../main/calibration/CalibrationStore'
import { solidImage } from '../../helpers/paintedScene'
import { SPECIAL_IDS, tinySmolVlmTokenizer } from '../../helpers/tinySmolVlmTokenizer'
import {
  HIDDEN,
  installTinySmolVlm,
  stepwiseLogits,
  VLM_ID,
  type InstalledVlm,
} from '../../helpers/tinySmolVlm'

const { vocab, tokenizerJson } = tinySmolVlmTokenizer()
const tokenizer = smolVlmTokenizerFromJson(tokenizerJson)
const RED = vocab['Ġred']
const MUG = vocab['Ġmug']
const YES = vocab['Ġyes']
const NO = vocab['Ġno']
const EOU = SPECIAL_IDS.endOfUtterance
const ENCODER = 'vision_encoder_int8.onnx'
const EMBED = 'embed_tokens.onnx'
const DECODER = 'decoder_model_merged_int8.onnx'

const QUESTION = 'What colour is the mug?'
const PROMPT_IDS = tokenizer.encode(smolVlmPrompt(QUESTION))
const P = PROMPT_IDS.length

const solid = solidImage

/** (v / 255 − 0.5) / 0.5 averaged over the three channels: the tiny encoder's feature value. */
const meanNormalised = (rgb: [number, number, number]) =>
  rgb.reduce((s, v) => s + (v / 127.5 - 1), 0) / 3

const installed: InstalledVlm[] = []
function install(...args: Parameters<typeof installTinySmolVlm>): InstalledVlm {
  const vlm = installTinySmolVlm(...args)
  installed.push(vlm)
  return vlm
}
afterAll(async () => {
  for (const vlm of installed) await vlm.runner.dispose()
})

describe('SmolVlm through the model store, the factory and the runner (tiny graphs, real signatures)', () => {
  it('answers with greedy decoding over a growing KV cache and stops at <end_of_utterance>', async () => {
    const { factory, runner } = install(stepwiseLogits(P, [RED, MUG, EOU]))
    const vlm = await factory.smolVlm(VLM_ID)
    const colour: [number, number, number] = [255, 0, 51]
    const answer = await vlm.ask(solid(40, 30, colour), QUESTION)

    expect(answer.text).toBe('red mug')
    expect(answer.tokenIds).toEqual([RED, MUG])
    expect(answer.stopReason).toBe('end_of_turn')
    expect(answer.promptTokens).toBe(P)
    expect(answer.provider).toBe('cpu')
    expect(answer.timings.decoderSteps).toBe(3)

    // Vision encoder: one 512 × 512 view, every pixel valid, (v/255 − 0.5)/0.5 per channel.
    const [encoder] = runner.of(ENCODER)
    expect(encoder.dims).toEqual({
      pixel_values: [1, 1, 3, 512, 512],
      pixel_attention_mask: [1, 1, 512, 512],
    })
    const pixels = encoder.inputs.pixel_values.data as Float32Array
    expect([pixels[0], pixels[512 * 512], pixels[2 * 512 * 512]].map((v) => +v.toFixed(5))).toEqual(
      [1, -1, -0.6],
    )
    expect((encoder.inputs.pixel_attention_mask.data as Uint8Array).every((v) => v === 1)).toBe(
      true,
    )

    // Token embeddings: the prompt, then each generated token (the stop token is never embedded).
    const embeds = runner.of(EMBED)
    expect(embeds.map((r) => Array.from(r.inputs.input_ids.data as BigInt64Array, Number))).toEqual(
      [PROMPT_IDS, [RED], [MUG]],
    )

    // Decoder: prompt with an empty cache, then one token per step; cache, mask and positions grow.
    const decoder = runner.of(DECODER)
    expect(decoder).toHaveLength(3)
    decoder.forEach((run, step) => {
      const length = step === 0 ? P : 1
      const past = step === 0 ? 0 : P + step - 1
      expect(run.dims.inputs_embeds).toEqual([1, length, HIDDEN])
      expect(run.dims['past_key_values.0.key']).toEqual([1, 3, past, 64])
      expect(run.dims['past_key_values.29.value']).toEqual([1, 3, past, 64])
      expect(run.dims.attention_mask).toEqual([1, past + length])
      expect(Array.from(run.inputs.position_ids.data as BigInt64Array, Number)).toEqual(
        Array.from({ length }, (_, i) => past + i),
      )
    })
    expect(
      Object.keys(decoder[1].dims).filter((n) => n.startsWith('past_key_values')),
    ).toHaveLength(60)

    // The <image> rows of the first step hold the image features (here the pixels' mean), the rest the text.
    const first = decoder[0].inputs.inputs_embeds.data as Float32Array
    const imageRows = tokenPositions(PROMPT_IDS, SPECIAL_IDS.image)
    expect(imageRows).toHaveLength(64)
    const rowMean = (row: number) =>
      first.subarray(row * HIDDEN, (row + 1) * HIDDEN).reduce((a, b) => a + b, 0) / HIDDEN
    expect(rowMean(imageRows[0])).toBeCloseTo(meanNormalised(colour), 3)
    expect(rowMean(imageRows[63])).toBeCloseTo(meanNormalised(colour), 3)
    expect(rowMean(imageRows[0] - 1)).toBe(0)
    expect(rowMean(imageRows[63] + 1)).toBe(0)
  })

  it('stops at maxNewTokens when the model does not end its turn', async () => {
    const { factory, runner } = install(stepwiseLogits(P, [RED, MUG, YES, NO]))
    const vlm = await factory.smolVlm(VLM_ID)
    const answer = await vlm.ask(solid(8, 8, [0, 0, 0]), QUESTION, { maxNewTokens: 2 })
    expect(answer.tokenIds).toEqual([RED, MUG])
    expect(answer.stopReason).toBe('max_tokens')
    expect(runner.of(DECODER)).toHaveLength(2)
    expect(runner.of(EMBED)).toHaveLength(2)
    await expect(vlm.ask(solid(8, 8, [0, 0, 0]), QUESTION, { maxNewTokens: 0 })).rejects.toThrow(
      /positive integer/,
    )
  })

  it('looks only at the given region: the encoder sees the crop', async () => {
    const { factory, runner } = install(stepwiseLogits(P, [RED, EOU]))
    const vlm = await factory.smolVlm(VLM_ID)
    const image = solid(100, 60, [0, 0, 0])
    for (let y = 10; y < 30; y++)
      for (let x = 50; x < 90; x++) image.data.set([255, 255, 255], (y * 100 + x) * 3)
    await vlm.ask(image, QUESTION, { region: [50, 10, 90, 30] })
    await vlm.ask(image, QUESTION)
    const [crop, whole] = runner.of(ENCODER).map((r) => r.inputs.pixel_values.data as Float32Array)
    expect(crop.every((v) => Math.abs(v - 1) < 1e-6)).toBe(true)
    expect(whole.some((v) => v < -0.99)).toBe(true)
  })

  it('cancels between decoding steps: no step runs after the abort', async () => {
    const { factory, runner } = install(stepwiseLogits(P, [RED, MUG, YES, NO, EOU]))
    const vlm = await factory.smolVlm(VLM_ID)
    const controller = new AbortController()
    runner.afterRun = (run) => {
      if (run.file === DECODER && runner.of(DECODER).length === 2)
        controller.abort(new Error('stop now'))
    }
    await expect(
      vlm.ask(solid(8, 8, [9, 9, 9]), QUESTION, { signal: controller.signal }),
    ).rejects.toThrow('stop now')
    expect(runner.of(DECODER)).toHaveLength(2)
    expect(runner.of(EMBED)).toHaveLength(2)
    await expect(
      vlm.ask(solid(8, 8, [9, 9, 9]), QUESTION, { signal: controller.signal }),
    ).rejects.toThrow('stop now')
    expect(runner.of(DECODER)).toHaveLength(2)
  })

  it("reads the cache layout from the decoder's signature (the manifest lists layer 0 only)", async () => {
    const { factory, runner } = install(stepwiseLogits(P, [MUG, EOU]), { layers: 1 })
    const answer = await (await factory.smolVlm(VLM_ID)).ask(solid(8, 8, [1, 2, 3]), QUESTION)
    expect(answer.text).toBe('mug')
    expect(
      Object.keys(runner.of(DECODER)[1].dims).filter((n) => n.startsWith('past_key_values')),
    ).toEqual(['past_key_values.0.key', 'past_key_values.0.value'])
  })

  it('a missing model is one message naming the download command, and no vision model is offered', async () => {
    const store = new ModelStore({
      cacheDirectory: mkdtempSync(join(tmpdir(), 'spatial-lens-novlm-')),
    })
    const factory = new ModelFactory(
      installed[0]?.runner ?? install(stepwiseLogits(P, [EOU])).runner,
      store,
    )
    await expect(factory.smolVlm(VLM_ID)).rejects.toThrow(
      /spatial-lens models download smolvlm-256m-instruct/,
    )
    const perception = new PerceptionService(factory, new CalibrationStore())
    expect(await perception.visionModel()).toBeUndefined()
  })

  it("a tokenizer that is not SmolVLM's is refused with the fix", async () => {
    const { factory } = install(stepwiseLogits(P, [EOU]), {
      tokenizer: tinySmolVlmTokenizer({ without: ['<end_of_utterance>'] }).tokenizerJson,
    })
    await expect(factory.smolVlm(VLM_ID)).rejects.toThrow(
      /lacks the SmolVLM token\(s\) <end_of_utterance>/,
    )
  })
})
