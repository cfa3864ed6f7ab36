/**
 * k-fold cross-validation for the ensemble's weights: every labelled item gets votes from voters fitted without
 * its fold, so the accuracies behind the weights are measured on unseen data instead of on the one validation
 * split the paper tuned on (its validation → test gap). Pure TypeScript.
 */

import { createRandom } from '../random'

/** Fold index 0…k−1 of each of `n` items: a seeded shuffle dealt round-robin (balanced fold sizes). */
export function assignFolds(n: number, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2 || k > n)
    throw new Error(`k-fold needs 2 ≤ k ≤ ${n} items (got k = ${k})`)
  const order = Array.from({ length: n }, (_, i) => i)
  const random = createRandom(seed)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const folds = new Int32Array(n)
  order.forEach((item, rank) => (folds[item] = rank % k))
  return folds
}

/**
 * Folds that keep every group whole: items with the same key (e.g. the same caption) share a fold. VSR repeats
 * each caption with both labels (true for one image, false for another), so plain folds would put a caption's
 * twin in training with the opposite label and teach any text model to answer backwards out of fold.
 */
export function assignGroupedFolds(keys: readonly string[], k: number, seed: number): Int32Array {
  const groups = [...new Set(keys)]
  const groupFolds = assignFolds(groups.length, k, seed)
  const foldOf = new Map(groups.map((g, i) => [g, groupFolds[i]]))
  return Int32Array.from(keys, (key) => foldOf.get(key)!)
}

/**
 * Out-of-fold results: for each fold, `fit` gets the other folds' items and returns a function that is then
 * applied to each held-out item. Results come back in the items' order.
 */
export function outOfFold<T, R>(
  items: readonly T[],
  folds: Int32Array,
  k: number,
  fit: (training: T[]) => (item: T) => R,
): R[] {
  const out = new Array<R>(items.length)
  for (let fold = 0; fold < k; fold++) {
    const training = items.filter((_, i) => folds[i] !== fold)
    const apply = fit(training)
    items.forEach((item, i) => {
      if (folds[i] === fold) out[i] = apply(item)
    })
  }
  return out
}
