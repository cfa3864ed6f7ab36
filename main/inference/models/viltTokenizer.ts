import { Tokenizer } from '@huggingface/tokenizers'
import { readTokenizerJson, type JsonObject } from './tokenizerFiles'

/**
 * The BERT WordPiece tokenizer of the ViLT checkpoints (dandelin/vilt-b32-*: `BertTokenizerFast`,
 * bert-base-uncased vocabulary, lower-casing BertNormalizer, `[CLS] text [SEP]` template), read from its
 * `tokenizer.json` by @huggingface/tokenizers (pure JS), as owlTokenizer.ts does for CLIP.
 * ViLT's text embeddings have `max_position_embeddings` 40 (transformers `ViltConfig` default), so
 * captions are cut to 40 tokens keeping the final `[SEP]` (what `truncation=True, max_length=40` does for
 * one sequence). `ViltProcessor` pads only on request, so one caption is fed unpadded: the attention mask is
 * all ones and the token types all 0 (one segment).
 */
export const VILT_MAX_TEXT_TOKENS = 40

export interface ViltTextInputs {
  inputIds: number[]
  attentionMask: number[]
  tokenTypeIds: number[]
}

export interface ViltTokenizer {
  encode(text: string): ViltTextInputs
}

/** Builds the tokenizer from parsed JSON. */
export function viltTokenizerFromJson(
  tokenizerJson: JsonObject,
  tokenizerConfig: JsonObject = {},
  maxTokens: number = VILT_MAX_TEXT_TOKENS,
): ViltTokenizer {
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig)
  return {
    encode(text) {
      let ids = tokenizer.encode(text, { add_special_tokens: true }).ids
      // Keep [CLS] … and the closing [SEP]: longest-first truncation of a single sequence.
      if (ids.length > maxTokens) ids = [...ids.slice(0, maxTokens - 1), ids[ids.length - 1]]
      return {
        inputIds: ids,
        attentionMask: ids.map(() => 1),
        tokenTypeIds: ids.map(() => 0),
      }
    },
  }
}

/** Loads `tokenizer.json`; a missing or unreadable file is a ModelError naming the install command. */
export async function loadViltTokenizer(
  tokenizerPath: string,
  modelId = 'vilt-vsr',
): Promise<ViltTokenizer> {
  const json = await readTokenizerJson(tokenizerPath, modelId, true)
  return viltTokenizerFromJson(json!)
}
