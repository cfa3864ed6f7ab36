import { Tokenizer } from '@huggingface/tokenizers'
import { readTokenizerJson, type JsonObject } from './tokenizerFiles'

/**
 * The CLIP tokenizer of an OWL-ViT / OWLv2 model, read from its `tokenizer.json` (and
 * `tokenizer_config.json` when present) by @huggingface/tokenizers (pure JS). `encode` returns the
 * ids with the start/end tokens the post-processor adds; `padId` is the model's pad token ("!", id 0,
 * for the Google OWL checkpoints).
 */
export interface OwlTokenizer {
  encode(text: string): number[]
  padId: number
}

type Json = JsonObject

/** Builds the tokenizer from parsed JSON; throws when the pad token cannot be resolved. */
export function owlTokenizerFromJson(
  tokenizerJson: Json,
  tokenizerConfig: Json = {},
): OwlTokenizer {
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig)
  const padId = resolvePadId(tokenizer, tokenizerJson, tokenizerConfig)
  return {
    encode: (text) => tokenizer.encode(text, { add_special_tokens: true }).ids,
    padId,
  }
}

/**
 * Loads `tokenizer.json` (and the optional `tokenizer_config.json`). A missing or unreadable file is
 * a ModelError naming the install command for `modelId`.
 */
export async function loadOwlTokenizer(
  tokenizerPath: string,
  options: { configPath?: string; modelId?: string } = {},
): Promise<OwlTokenizer> {
  const modelId = options.modelId ?? 'owlv2'
  const tokenizerJson = await readTokenizerJson(tokenizerPath, modelId, true)
  const config = options.configPath
    ? await readTokenizerJson(options.configPath, modelId, false)
    : {}
  return owlTokenizerFromJson(tokenizerJson!, config ?? {})
}

/** tokenizer.json `padding.pad_id` → config `pad_token` → "!" (the OWL/CLIP-JAX pad) → 0. */
function resolvePadId(tokenizer: Tokenizer, tokenizerJson: Json, config: Json): number {
  const padding = tokenizerJson.padding as { pad_id?: unknown } | null | undefined
  if (padding && typeof padding.pad_id === 'number') return padding.pad_id
  const padToken = config.pad_token
  const content =
    typeof padToken === 'string'
      ? padToken
      : (padToken as { content?: string } | undefined)?.content
  const fromConfig = content === undefined ? undefined : tokenizer.token_to_id(content)
  if (fromConfig !== undefined) return fromConfig
  return tokenizer.token_to_id('!') ?? 0
}
