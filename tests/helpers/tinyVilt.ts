/**
 * A tiny `vilt-vsr` install for tests: a tokenizer.json with the structure of bert-base-uncased's (BertNormalizer
 * lower-casing, BertPreTokenizer, WordPiece with "##" continuations, `[CLS] $A [SEP]` template) over a dozen
 * words, and a graph with exactly the manifest's signature whose `logits` [1, 2] = value + meanScale · mean(pixel_values),
 * so a bright image and a dark one get known, different answers.
 */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildTinyModel, type TinyTensorSpec } from './onnxBuilder'
import { bundledManifest, findModel } from '../../main/models/manifest'
import { ModelStore } from '../../main/models/ModelStore'
import { ModelFactory } from '../../main/models/modelFactory'
import { RecordingRunner } from './tinySmolVlm'

export const VILT_ID = 'vilt-vsr'

const WORDS = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  'the',
  'cat',
  'is',
  'under',
  'table',
  '.',
  '##s',
  'dog',
  'on',
]
/** Token ids of the tiny vocabulary, by token. */
export const TINY_BERT_IDS: Record<string, number> = Object.fromEntries(WORDS.map((w, i) => [w, i]))

export function tinyBertTokenizerJson(): Record<string, unknown> {
  const special = (content: string) => ({
    id: TINY_BERT_IDS[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  })
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [TINY_BERT_IDS['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [TINY_BERT_IDS['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: TINY_BERT_IDS,
    },
  }
}

type Spec = TinyTensorSpec

/** The manifest's graph signature for vilt-vsr, as tiny-model specs. */
export function viltSpecs(): { inputs: Spec[]; outputs: Spec[] } {
  const file = findModel(bundledManifest(), VILT_ID).files.find((f) => f.role === 'model')!
  const map = (t: { name: string; dtype: string; dims: (number | string)[] }): Spec => ({
    name: t.name,
    type: t.dtype as Spec['type'],
    dims: t.dims,
  })
  return { inputs: file.signature!.inputs.map(map), outputs: file.signature!.outputs.map(map) }
}

/** logits = value + meanScale · mean(pixel_values); `inputs` replaces the signature's inputs (wrong-signature tests). */
export function tinyViltGraph(
  value: [number, number],
  meanScale: [number, number],
  inputs?: Spec[],
): Uint8Array {
  const specs = viltSpecs()
  return buildTinyModel({
    inputs: inputs ?? specs.inputs,
    outputs: [
      { ...specs.outputs[0], shapeFrom: [1, 2], value, meanScale, dependsOn: 'input-mean' },
    ],
  })
}

export interface InstalledVilt {
  store: ModelStore
  runner: RecordingRunner
  factory: ModelFactory
}

/** Writes the graph and the tokenizer into a fresh cache as a user installs the manual model. */
export function installTinyVilt(
  graph: Uint8Array,
  options: { withTokenizer?: boolean; cache?: string } = {},
): InstalledVilt {
  const cache = options.cache ?? mkdtempSync(join(tmpdir(), 'spatial-lens-vilt-'))
  const manifest = bundledManifest()
  for (const file of findModel(manifest, VILT_ID).files) {
    if (file.role === 'tokenizer' && options.withTokenizer === false) continue
    const path = join(cache, VILT_ID, file.path)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, file.role === 'tokenizer' ? JSON.stringify(tinyBertTokenizerJson()) : graph)
  }
  const store = new ModelStore({ manifest, cacheDirectory: cache })
  const runner = new RecordingRunner()
  return { store, runner, factory: new ModelFactory(runner, store) }
}
