import { afterAll, describe, expect, it } from 'vitest'
import { solidImage } from '../../helpers/paintedScene'
import { ViltVoter } from '../../../main/engine/ensemble/viltVoter'
import { parseStatement } from '../../../main/engine/ensemble/parseStatement'
import {
  installTinyVilt,
  tinyViltGraph,
  TINY_BERT_IDS as ID,
  viltSpecs,
  type InstalledVilt,
} from '../../helpers/tinyVilt'

const installed: InstalledVilt[] = []
function install(...args: Parameters<typeof installTinyVilt>): InstalledVilt {
  const it = installTinyVilt(...args)
  installed.push(it)
  return it
}
afterAll(async () => {
  for (const i of installed) await i.runner.dispose()
})

// logits = [0, 0] + [−1, +1] · mean(pixel_values): a white image (mean 1) → [−1, 1] → P(true) = 1/(1+e^−2);
// a black one (mean −1) → [1, −1] → P(true) = 1/(1+e^2).
const BRIGHT_IS_TRUE = () => tinyViltGraph([0, 0], [-1, 1])
const SIGMOID_2 = 1 / (1 + Math.exp(-2))

describe('ViltVsr through the model store, the factory and the runner (tiny graph, manifest signature)', () => {
  it('feeds ViltProcessor inputs and turns logits into P(true) with a softmax', async () => {
    const { factory, runner } = install(BRIGHT_IS_TRUE())
    const vilt = await factory.viltVsr()
    const white = await vilt.classify(
      solidImage(64, 48, [255, 255, 255]),
      'The cat is under the table.',
    )
    expect(white.logits[0]).toBeCloseTo(-1, 5)
    expect(white.logits[1]).toBeCloseTo(1, 5)
    expect(white.probabilityTrue).toBeCloseTo(SIGMOID_2, 5)
    const black = await vilt.classify(solidImage(64, 48, [0, 0, 0]), 'The cat is under the table.')
    expect(black.probabilityTrue).toBeCloseTo(1 - SIGMOID_2, 5)

    const run = runner.runs[0]
    // 64 × 48 → 512 × 384 (scale 8), NCHW; the caption as BERT ids, one segment, no padding.
    expect(run.dims.pixel_values).toEqual([1, 3, 384, 512])
    expect(run.dims.pixel_mask).toEqual([1, 384, 512])
    expect(run.inputs.pixel_mask.type).toBe('int64')
    const ids = [
      ID['[CLS]'],
      ID.the,
      ID.cat,
      ID.is,
      ID.under,
      ID.the,
      ID.table,
      ID['.'],
      ID['[SEP]'],
    ]
    expect(Array.from(run.inputs.input_ids.data as BigInt64Array, Number)).toEqual(ids)
    expect(Array.from(run.inputs.attention_mask.data as BigInt64Array, Number)).toEqual(
      ids.map(() => 1),
    )
    expect(Array.from(run.inputs.token_type_ids.data as BigInt64Array, Number)).toEqual(
      ids.map(() => 0),
    )
  })

  it('as a voter: true for the bright image, false for the dark one, negation inverted', async () => {
    const { factory } = install(BRIGHT_IS_TRUE())
    const vilt = await factory.viltVsr()
    let image = solidImage(32, 32, [255, 255, 255])
    const voter = new ViltVoter(
      async (caption) => (await vilt.classify(image, caption)).probabilityTrue,
    )
    const statement = parseStatement('The cat is under the table.')!
    const bright = await voter.vote(statement, {})
    expect(bright.verdict).toBe('true')
    expect(bright.confidence).toBeCloseTo(SIGMOID_2, 5)
    image = solidImage(32, 32, [0, 0, 0])
    expect((await voter.vote(statement, {})).verdict).toBe('false')
    expect((await voter.vote(parseStatement('The cat is not under the table.')!, {})).verdict).toBe(
      'true',
    )
  })

  it('a graph without pixel_mask is refused with a clear signature error', async () => {
    const inputs = viltSpecs().inputs.filter((t) => t.name !== 'pixel_mask')
    const { factory } = install(tinyViltGraph([0, 0], [-1, 1], inputs))
    const vilt = await factory.viltVsr()
    await expect(
      vilt.classify(solidImage(32, 32, [0, 0, 0]), 'The cat is on the table.'),
    ).rejects.toThrow(/ViLT VSR model .*model\.onnx: inputs should be .*missing pixel_mask/)
  })

  it('a graph whose logits are not [batch, 2] is refused', async () => {
    const specs = viltSpecs()
    const { buildTinyModel } = await import('../../helpers/onnxBuilder')
    const graph = buildTinyModel({
      inputs: specs.inputs,
      outputs: [
        {
          name: 'logits',
          type: 'float32',
          dims: ['batch_size', 3],
          shapeFrom: [1, 3],
          value: [0, 0, 0],
        },
      ],
    })
    const { factory } = install(graph)
    const vilt = await factory.viltVsr()
    await expect(
      vilt.classify(solidImage(32, 32, [0, 0, 0]), 'The cat is on the table.'),
    ).rejects.toThrow(/needs output logits \[batch, 2\]/)
  })

  it('a missing tokenizer is a clear message naming the model', async () => {
    const { factory } = install(BRIGHT_IS_TRUE(), { withTokenizer: false })
    await expect(factory.viltVsr()).rejects.toThrow(/vilt-vsr.*not installed/)
  })
})
