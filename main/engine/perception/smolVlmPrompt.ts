/**
 * SmolVLM's prompt for one image and one question, as the model repository's processor builds it.
 *
 * - `chat_template.json` of HuggingFaceTB/SmolVLM-256M-Instruct (same as SmolVLM-Instruct/500M):
 *   `<|im_start|>` then per message `Role` + (`:` when the first content is an image, else `: `),
 *   the contents in order (text as is, an image as `<image>`), `<end_of_utterance>\n`; the
 *   generation prompt adds `Assistant:`. One user turn [image, question] therefore reads
 *   `<|im_start|>User:<image>{question}<end_of_utterance>\nAssistant:`.
 * - `Idefics3Processor` (transformers `processing_idefics3.py`, transformers.js
 *   `processing_idefics3.js`, `_prompt_single_image`): an unsplit image's `<image>` becomes
 *   `<fake_token_around_image><global-img>` + `<image>` × image_seq_len + `<fake_token_around_image>`,
 *   with `image_seq_len` 64 (`processor_config.json`).
 * - `generation_config.json`: `eos_token_id` 49279, the `<end_of_utterance>` token.
 * Pure.
 */

/** Names of SmolVLM's special tokens (their ids come from tokenizer.json). */
export const SMOLVLM_TOKENS = {
  start: '<|im_start|>',
  image: '<image>',
  fakeAroundImage: '<fake_token_around_image>',
  globalImage: '<global-img>',
  endOfUtterance: '<end_of_utterance>',
} as const

/** Image tokens per 512-px view (`image_seq_len`). */
export const SMOLVLM_IMAGE_SEQ_LEN = 64

/** Every `<…>` a question could smuggle in to shift the image token count or end the turn. */
const SPECIAL_TOKEN_PATTERN =
  /<\|[^<>|]*\|>|<(?:image|global-img|fake_token_around_image|end_of_utterance|row_\d+_col_\d+)>/g

/** The question as plain text: special token names removed, whitespace collapsed. */
export function plainQuestion(question: string): string {
  return question.replace(SPECIAL_TOKEN_PATTERN, ' ').replace(/\s+/g, ' ').trim()
}

/** The chat template applied to one user turn [image, question], with the generation prompt. */
export function smolVlmChatText(question: string): string {
  const { start, image, endOfUtterance } = SMOLVLM_TOKENS
  return `${start}User:${image}${plainQuestion(question)}${endOfUtterance}\nAssistant:`
}

/** `<image>` → the unsplit image's token run (fake, global, image × n, fake). */
export function expandImageToken(
  text: string,
  imageSeqLen: number = SMOLVLM_IMAGE_SEQ_LEN,
): string {
  const { image, fakeAroundImage, globalImage } = SMOLVLM_TOKENS
  const run = `${fakeAroundImage}${globalImage}${image.repeat(imageSeqLen)}${fakeAroundImage}`
  return text.split(image).join(run)
}

/** The full prompt text for one image and a question. */
export function smolVlmPrompt(
  question: string,
  imageSeqLen: number = SMOLVLM_IMAGE_SEQ_LEN,
): string {
  return expandImageToken(smolVlmChatText(question), imageSeqLen)
}

/** Positions of `tokenId` in `ids`, in order. */
export function tokenPositions(ids: ArrayLike<number>, tokenId: number): number[] {
  const positions: number[] = []
  for (let i = 0; i < ids.length; i++) if (ids[i] === tokenId) positions.push(i)
  return positions
}
