import { Tokenizer } from '@huggingface/tokenizers'
import { ModelError } from '../ModelError'
import { SMOLVLM_TOKENS } from '../../engine/perception/smolVlmPrompt'
import { readTokenizerJson, type JsonObject } from './tokenizerFiles'

/**
 * SmolVLM's tokenizer (SmolLM2's byte-level BPE plus the Idefics3 image tokens), read from the
 * model's `tokenizer.json` by @huggingface/tokenizers (pure JS), as the OWLv2 tokenizer is. SmolLM2's
 * post-processor adds no BOS (HuggingFaceTB/SmolLM2-135M discussion #6: `encode('test')` is one id);
 * the chat template starts the prompt with `<|im_start|>` itself.
 */
export interface SmolVlmTokenizer {
  /** Token ids of a prompt, with whatever special tokens tokenizer.json's post-processor adds. */
  encode(text: string): number[]
  /** Text of generated ids, special tokens dropped. */
  decode(ids: readonly number[]): string
  /** Ids of the image tokens and the end of a turn. */
  ids: { image: number; fakeAroundImage: number; globalImage: number; endOfUtterance: number }
  /** Generation stops at any of these: `<end_of_utterance>` (the model's eos) and the LM's own ends. */
  stopIds: number[]
}

/** Other end tokens of the SmolLM2 vocabulary, used as stops when present. */
const OTHER_STOP_TOKENS = ['<|im_end|>', '<|endoftext|>']

/**
 * Builds the tokenizer from parsed tokenizer.json. Throws a ModelError ('corrupt') naming the
 * missing special tokens when the file is not a SmolVLM tokenizer.
 */
export function smolVlmTokenizerFromJson(
  tokenizerJson: JsonObject,
  options: { modelId?: string; path?: string } = {},
): SmolVlmTokenizer {
  const tokenizer = new Tokenizer(tokenizerJson, {})
  const idOf = (token: string) => tokenizer.token_to_id(token)
  const wanted = {
    image: SMOLVLM_TOKENS.image,
    fakeAroundImage: SMOLVLM_TOKENS.fakeAroundImage,
    globalImage: SMOLVLM_TOKENS.globalImage,
    endOfUtterance: SMOLVLM_TOKENS.endOfUtterance,
  }
  const missing = Object.values(wanted).filter((token) => idOf(token) === undefined)
  if (missing.length > 0) {
    const modelId = options.modelId ?? 'smolvlm-256m-instruct'
    throw new ModelError({
      kind: 'corrupt',
      problem: `tokenizer file ${options.path ?? 'tokenizer.json'} of model ${modelId} lacks the SmolVLM token(s) ${missing.join(', ')}`,
      fix: `download the model's own tokenizer with \`npx spatial-lens models download ${modelId}\``,
      modelPath: options.path,
    })
  }
  const ids = {
    image: idOf(wanted.image)!,
    fakeAroundImage: idOf(wanted.fakeAroundImage)!,
    globalImage: idOf(wanted.globalImage)!,
    endOfUtterance: idOf(wanted.endOfUtterance)!,
  }
  const others = OTHER_STOP_TOKENS.map(idOf).filter((id): id is number => id !== undefined)
  return {
    encode: (text) => tokenizer.encode(text, { add_special_tokens: true }).ids,
    // The library refuses an empty id list; a model that ends its turn at once said nothing.
    decode: (generated) =>
      generated.length === 0 ? '' : tokenizer.decode([...generated], { skip_special_tokens: true }),
    ids,
    stopIds: [ids.endOfUtterance, ...others],
  }
}

/** Loads `tokenizer.json`; a missing or unreadable file is a ModelError naming the install command. */
export async function loadSmolVlmTokenizer(
  tokenizerPath: string,
  modelId = 'smolvlm-256m-instruct',
): Promise<SmolVlmTokenizer> {
  const json = await readTokenizerJson(tokenizerPath, modelId, true)
  return smolVlmTokenizerFromJson(json!, { modelId, path: tokenizerPath })
}
