/**
 * The array work of a decoder-only generation step, for a batch of one: merging image features into
 * the token embeddings (Idefics3 `inputs_merger`: the `<image>` positions, in order, take the
 * flattened image features), the attention mask and position ids of a step with a KV cache, and the
 * greedy pick. Pure; row-major float32 data.
 */

/**
 * Token embeddings [seq, hidden] with the rows at `<image>` positions replaced by `features`
 * ([imageTokens, hidden], the vision encoder's tiles flattened in order). Returns a new array.
 * Throws a RangeError when the counts or sizes disagree (a prompt/model mismatch, never silent).
 */
export function mergeImageFeatures(
  embeddings: Float32Array,
  ids: ArrayLike<number>,
  imageTokenId: number,
  features: Float32Array,
  hiddenSize: number,
): Float32Array {
  if (embeddings.length !== ids.length * hiddenSize) {
    throw new RangeError(
      `mergeImageFeatures: ${embeddings.length} embedding values for ${ids.length} tokens × ${hiddenSize}`,
    )
  }
  if (features.length % hiddenSize !== 0) {
    throw new RangeError(
      `mergeImageFeatures: ${features.length} feature values are not rows of ${hiddenSize}`,
    )
  }
  const merged = embeddings.slice()
  const featureRows = features.length / hiddenSize
  let row = 0
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] !== imageTokenId) continue
    if (row < featureRows)
      merged.set(features.subarray(row * hiddenSize, (row + 1) * hiddenSize), i * hiddenSize)
    row++
  }
  if (row !== featureRows) {
    throw new RangeError(
      `mergeImageFeatures: the prompt has ${row} image tokens but the vision encoder gave ${featureRows} feature rows`,
    )
  }
  return merged
}

/** `attention_mask` int64 [1, total]: every cached and new token is attended (no padding). */
export function fullAttentionMask(totalLength: number): BigInt64Array {
  return new BigInt64Array(totalLength).fill(1n)
}

/** `position_ids` int64 [1, count]: positions pastLength … pastLength + count − 1. */
export function stepPositionIds(pastLength: number, count: number): BigInt64Array {
  const ids = new BigInt64Array(count)
  for (let i = 0; i < count; i++) ids[i] = BigInt(pastLength + i)
  return ids
}

/**
 * Index of the largest logit in row `row` of `logits` ([rows, vocab]); the first on ties. NaN never
 * wins.
 */
export function argmaxRow(logits: Float32Array, row: number, vocabSize: number): number {
  const start = row * vocabSize
  if (row < 0 || start + vocabSize > logits.length) {
    throw new RangeError(`argmaxRow: row ${row} is outside ${logits.length / vocabSize} rows`)
  }
  let best = 0
  let bestValue = -Infinity
  for (let v = 0; v < vocabSize; v++) {
    const value = logits[start + v]
    if (value > bestValue) {
      bestValue = value
      best = v
    }
  }
  return best
}
