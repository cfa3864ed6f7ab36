/**
 * OWLv2 text queries → `input_ids` / `attention_mask` (int64 [queries, maxLength]), as
 * `Owlv2Processor` builds them: each query tokenized by the CLIP tokenizer (with
 * `<|startoftext|>` … `<|endoftext|>`), padded to `max_length` 16 (`padding="max_length"`, the
 * tokenizer's `model_max_length`) with the pad token, attention 1 on real tokens. Pure: the caller
 * supplies the tokenizer as a function.
 */

/** OWL-ViT / OWLv2 text length (`model_max_length` of their CLIP tokenizer). */
export const OWL_MAX_TEXT_LENGTH = 16
/** The prompt template of the upstream OWL examples ("a photo of a cat"). */
export const OWL_QUERY_TEMPLATE = 'a photo of a {}'

/** The text sent to the model for a user label: the template with the label in place of `{}`. */
export function owlQueryText(label: string, template: string = OWL_QUERY_TEMPLATE): string {
  return template.replace('{}', label.trim())
}

export interface OwlTextInputs {
  /** Row-major [queries, maxLength]. */
  inputIds: BigInt64Array
  /** Row-major [queries, maxLength]: 1 real token, 0 padding. */
  attentionMask: BigInt64Array
  dims: [number, number]
}

/**
 * Pads tokenized queries (ids including the start/end tokens) to `maxLength` with `padId`.
 * A longer query is cut to `maxLength` keeping its last (end) token, because CLIP pools the text at
 * the end token's position (the highest id, via argmax).
 */
export function owlTextInputs(
  tokenIds: readonly (readonly number[])[],
  padId: number,
  maxLength: number = OWL_MAX_TEXT_LENGTH,
): OwlTextInputs {
  if (tokenIds.length === 0) throw new RangeError('OWL needs at least one text query')
  const inputIds = new BigInt64Array(tokenIds.length * maxLength).fill(BigInt(padId))
  const attentionMask = new BigInt64Array(tokenIds.length * maxLength)
  tokenIds.forEach((ids, q) => {
    if (ids.length === 0) throw new RangeError(`OWL text query ${q} has no tokens`)
    const kept =
      ids.length <= maxLength ? ids : [...ids.slice(0, maxLength - 1), ids[ids.length - 1]]
    kept.forEach((id, i) => {
      inputIds[q * maxLength + i] = BigInt(id)
      attentionMask[q * maxLength + i] = 1n
    })
  })
  return { inputIds, attentionMask, dims: [tokenIds.length, maxLength] }
}
