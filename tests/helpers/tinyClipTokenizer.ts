/**
 * A tiny tokenizer.json with the structure of the CLIP tokenizer that OWL-ViT / OWLv2 ship
 * (openai/clip-vit-base-patch32, google/owlv2-base-patch16-ensemble): NFC + whitespace collapse +
 * lowercase normalizer; the CLIP split regex then byte-level pre-tokenizer; a byte-level BPE with
 * `</w>` end-of-word suffix whose first 256 ids are the byte alphabet in GPT-2 `bytes_to_unicode`
 * order ("!" = 0, "a" = 64) and the next 256 the same with `</w>` ("a</w>" = 320); a few merges;
 * `<|startoftext|>` / `<|endoftext|>` added by a RobertaProcessing post-processor.
 */

/** GPT-2 / CLIP byte → unicode character table, in vocabulary order. */
export function byteAlphabet(): string[] {
  const printable: number[] = []
  for (let b = 33; b <= 126; b++) printable.push(b)
  for (let b = 161; b <= 172; b++) printable.push(b)
  for (let b = 174; b <= 255; b++) printable.push(b)
  const chars = printable.map((b) => String.fromCodePoint(b))
  let extra = 0
  for (let b = 0; b < 256; b++)
    if (!printable.includes(b)) chars.push(String.fromCodePoint(256 + extra++))
  return chars
}

/** Merges (in rank order) that build the words of the test queries. */
export const TINY_CLIP_MERGES = [
  'p h',
  'ph o',
  't o</w>',
  'pho to</w>',
  'o f</w>',
  'm u',
  'mu g</w>',
]

export interface TinyClipTokenizer {
  tokenizerJson: Record<string, unknown>
  tokenizerConfig: Record<string, unknown>
  vocab: Record<string, number>
  startId: number
  endId: number
}

/** Builds the tokenizer.json / tokenizer_config.json pair. */
export function tinyClipTokenizer(): TinyClipTokenizer {
  const alphabet = byteAlphabet()
  const vocab: Record<string, number> = {}
  alphabet.forEach((c, i) => (vocab[c] = i))
  alphabet.forEach((c, i) => (vocab[`${c}</w>`] = 256 + i))
  let next = 512
  for (const merge of TINY_CLIP_MERGES) vocab[merge.replace(' ', '')] = next++
  const startId = next++
  const endId = next++
  vocab['<|startoftext|>'] = startId
  vocab['<|endoftext|>'] = endId
  const special = (id: number, content: string) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: true,
    special: true,
  })
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(startId, '<|startoftext|>'), special(endId, '<|endoftext|>')],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFC' },
        { type: 'Replace', pattern: { Regex: '\\s+' }, content: ' ' },
        { type: 'Lowercase' },
      ],
    },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        {
          type: 'Split',
          pattern: {
            Regex:
              "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
          },
          behavior: 'Removed',
          invert: true,
        },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: {
      type: 'RobertaProcessing',
      sep: ['<|endoftext|>', endId],
      cls: ['<|startoftext|>', startId],
      trim_offsets: false,
      add_prefix_space: false,
    },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: '<|endoftext|>',
      continuing_subword_prefix: '',
      end_of_word_suffix: '</w>',
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges: TINY_CLIP_MERGES,
    },
  }
  const tokenizerConfig = {
    tokenizer_class: 'CLIPTokenizer',
    model_max_length: 16,
    do_lower_case: true,
    bos_token: '<|startoftext|>',
    eos_token: '<|endoftext|>',
    unk_token: '<|endoftext|>',
    pad_token: '!',
  }
  return { tokenizerJson, tokenizerConfig, vocab, startId, endId }
}
