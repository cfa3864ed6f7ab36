import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  OWL_MAX_TEXT_LENGTH,
  owlQueryText,
  owlTextInputs,
} from '../../../main/engine/perception/owlText'
import { loadOwlTokenizer, owlTokenizerFromJson } from '../../../main/inference/models/owlTokenizer'
import { ModelError } from '../../../main/inference/ModelError'
import { tinyClipTokenizer } from '../../helpers/tinyClipTokenizer'

const tiny = tinyClipTokenizer()
const dir = mkdtempSync(join(tmpdir(), 'spatial-lens-owl-text-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('OWL text queries', () => {
  it('uses the upstream "a photo of a …" template with the user label', () => {
    expect(owlQueryText('mug')).toBe('a photo of a mug')
    expect(owlQueryText('  coffee mug ')).toBe('a photo of a coffee mug')
    expect(owlQueryText('mug', '{} on a table')).toBe('mug on a table')
  })

  it('tokenizes like CLIP: lowercase, byte-level BPE with </w>, start/end tokens', () => {
    const tokenizer = owlTokenizerFromJson(tiny.tokenizerJson, tiny.tokenizerConfig)
    const v = tiny.vocab
    // "a" is byte 97 → id 64 in the byte alphabet, "a</w>" = 64 + 256 = 320, as in CLIP's real vocab.
    expect(v['a</w>']).toBe(320)
    expect(v['!']).toBe(0)
    expect(tokenizer.encode('A  Photo of a MUG')).toEqual([
      tiny.startId,
      320,
      v['photo</w>'],
      v['of</w>'],
      320,
      v['mug</w>'],
      tiny.endId,
    ])
    // A word without merges falls back to its characters, the last one with </w>.
    expect(tokenizer.encode('cat')).toEqual([tiny.startId, v.c, v.a, v['t</w>'], tiny.endId])
    expect(tokenizer.padId).toBe(0)
  })

  it('pads every query to 16 with the pad id and masks the padding', () => {
    const inputs = owlTextInputs(
      [
        [9, 1, 2, 10],
        [9, 3, 10],
      ],
      0,
    )
    expect(inputs.dims).toEqual([2, OWL_MAX_TEXT_LENGTH])
    const row = (data: BigInt64Array, q: number) =>
      Array.from(data.subarray(q * 16, q * 16 + 16), Number)
    expect(row(inputs.inputIds, 0)).toEqual([9, 1, 2, 10, ...new Array(12).fill(0)])
    expect(row(inputs.inputIds, 1)).toEqual([9, 3, 10, ...new Array(13).fill(0)])
    expect(row(inputs.attentionMask, 0)).toEqual([1, 1, 1, 1, ...new Array(12).fill(0)])
    expect(row(inputs.attentionMask, 1)).toEqual([1, 1, 1, ...new Array(13).fill(0)])
  })

  it('cuts an over-long query to 16 tokens, keeping the end token last', () => {
    const ids = [9, ...Array.from({ length: 20 }, (_, i) => 100 + i), 10]
    const inputs = owlTextInputs([ids], 0)
    const row = Array.from(inputs.inputIds, Number)
    expect(row).toHaveLength(16)
    expect(row.slice(0, 15)).toEqual(ids.slice(0, 15))
    expect(row[15]).toBe(10)
    expect(Array.from(inputs.attentionMask, Number)).toEqual(new Array(16).fill(1))
  })

  it('rejects an empty query list', () => {
    expect(() => owlTextInputs([], 0)).toThrow(/at least one/)
  })

  it('loads tokenizer.json and tokenizer_config.json from disk', async () => {
    const tokenizerPath = join(dir, 'tokenizer.json')
    const configPath = join(dir, 'tokenizer_config.json')
    writeFileSync(tokenizerPath, JSON.stringify(tiny.tokenizerJson))
    writeFileSync(
      configPath,
      JSON.stringify({ ...tiny.tokenizerConfig, pad_token: '<|endoftext|>' }),
    )
    const tokenizer = await loadOwlTokenizer(tokenizerPath, { configPath })
    expect(tokenizer.padId).toBe(tiny.endId)
    expect(tokenizer.encode('a mug')).toEqual([
      tiny.startId,
      320,
      tiny.vocab['mug</w>'],
      tiny.endId,
    ])
    // A tokenizer.json padding block wins over the config.
    writeFileSync(
      tokenizerPath,
      JSON.stringify({ ...tiny.tokenizerJson, padding: { pad_id: 7, pad_token: '(' } }),
    )
    expect((await loadOwlTokenizer(tokenizerPath, { configPath })).padId).toBe(7)
  })

  it('names the install command when tokenizer.json is missing', async () => {
    const error = await loadOwlTokenizer(join(dir, 'nope.json'), { modelId: 'owlv2-base' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ModelError)
    expect((error as ModelError).message).toMatch(/spatial-lens models download owlv2-base/)
  })
})
