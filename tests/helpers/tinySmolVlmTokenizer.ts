/**
 * A tiny tokenizer.json with the structure of SmolVLM's (SmolLM2's GPT-2-style byte-level BPE:
 * individual-digit + ByteLevel pre-tokenizers, ByteLevel post-processor and decoder) and its special
 * tokens under their real names: `<image>` 49190 (config `image_token_id`) and
 * `<end_of_utterance>` 49279 (generation_config `eos_token_id`) at their real ids, the others at
 * plausible ones in the added-token range (the code resolves every id by name). No post-processor
 * adds tokens, as in SmolLM2's tokenizer. The byte alphabet sits at 3…258 and
 * a few merges make single tokens of the words the tests generate ("Ġred", "Ġmug", "Ġyes", "Ġno",
 * "Ġobject").
 * The real tokenizer (3.5 MB) cannot be downloaded here.
 */

import { byteAlphabet } from './tinyClipTokenizer'

export const SPECIAL_IDS = {
  endOfText: 0,
  imStart: 1,
  imEnd: 2,
  globalImage: 49152,
  row1col1: 49153,
  fakeAroundImage: 49189,
  image: 49190,
  endOfUtterance: 49279,
} as const

const SPECIAL_NAMES: Record<keyof typeof SPECIAL_IDS, string> = {
  endOfText: '<|endoftext|>',
  imStart: '<|im_start|>',
  imEnd: '<|im_end|>',
  globalImage: '<global-img>',
  row1col1: '<row_1_col_1>',
  fakeAroundImage: '<fake_token_around_image>',
  image: '<image>',
  endOfUtterance: '<end_of_utterance>',
}

const MERGES = [
  ...['Ġ r', 'Ġr e', 'Ġre d', 'Ġ m', 'Ġm u', 'Ġmu g', 'Ġ y', 'Ġy e', 'Ġye s', 'Ġ n', 'Ġn o'],
  ...['Ġ o', 'Ġo b', 'Ġob j', 'Ġobj e', 'Ġobje c', 'Ġobjec t'],
]

export interface TinySmolVlmTokenizer {
  tokenizerJson: Record<string, unknown>
  /** Token string → id (byte tokens, merges and specials). */
  vocab: Record<string, number>
}

/**
 * Builds the tokenizer.json. `without` drops special tokens (to test a tokenizer that is not
 * SmolVLM's).
 */
export function tinySmolVlmTokenizer(options: { without?: string[] } = {}): TinySmolVlmTokenizer {
  const vocab: Record<string, number> = {}
  const specials = Object.entries(SPECIAL_IDS)
    .map(([key, id]) => ({ id, content: SPECIAL_NAMES[key as keyof typeof SPECIAL_IDS] }))
    .filter((s) => !options.without?.includes(s.content))
  for (const s of specials) vocab[s.content] = s.id
  byteAlphabet().forEach((c, i) => (vocab[c] = 3 + i))
  let next = 3 + 256
  for (const merge of MERGES) vocab[merge.replace(' ', '')] = next++
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((s) => ({
      id: s.id,
      content: s.content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'Digits', individual_digits: true },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
      ],
    },
    post_processor: {
      type: 'ByteLevel',
      add_prefix_space: true,
      trim_offsets: false,
      use_regex: true,
    },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges: MERGES,
    },
  }
  return { tokenizerJson, vocab }
}
