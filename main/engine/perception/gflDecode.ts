/**
 * Decoding of GFL heads (Generalized Focal Loss; NanoDet's legacy `GFLHead`/`NanoDetHead`): per
 * feature-map cell, class scores and, per box side, a discrete distribution over bins whose
 * expected value × stride is the distance from the cell centre to that side.
 */

/** A box candidate before NMS, in model-input pixels, [x0, y0, x1, y1]. */
export interface BoxCandidate {
  box: [number, number, number, number]
  classId: number
  /** Class score 0–1. */
  score: number
}

/** One feature level of a GFL head's output, batch 1, plain arrays. */
export interface GflLevel {
  /** Pixels of model input per cell. */
  stride: number
  gridWidth: number
  gridHeight: number
  /** Class scores already in 0–1 (sigmoid applied), cells × classes, row-major over cells. */
  scores: Float32Array
  /** Distribution logits, cells × (4 · binCount): left, top, right, bottom, each binCount bins. */
  distributions: Float32Array
}

export interface GflDecodeOptions {
  classCount: number
  /** Bins per side (reg_max + 1; 8 for NanoDet). */
  binCount: number
  /** Candidates need a class score ≥ this. */
  scoreThreshold: number
  /** Model input size, pixels: boxes are clipped to it (upstream `distance2bbox(max_shape)`). */
  inputWidth: number
  inputHeight: number
  /** At most this many cells per level, those with the highest best-class score (upstream `nms_pre`). */
  maxCellsPerLevel?: number
  /** Cell centre = (column + offset, row + offset) · stride; 0.5 in NanoDet's GFL head. */
  centerOffset?: number
}

/**
 * Expected bin index of a softmax over `binCount` logits at `logits[offset…]`: Σ i · softmax(x)_i.
 * In bins (multiply by the stride for pixels). Max-subtracted, so large logits do not overflow.
 */
export function distributionExpectation(
  logits: ArrayLike<number>,
  offset: number,
  binCount: number,
): number {
  let max = -Infinity
  for (let i = 0; i < binCount; i++) max = Math.max(max, logits[offset + i])
  let sum = 0
  let weighted = 0
  for (let i = 0; i < binCount; i++) {
    const e = Math.exp(logits[offset + i] - max)
    sum += e
    weighted += i * e
  }
  return weighted / sum
}

/**
 * The box of one cell in model-input pixels: centre ± the four expected distances × stride,
 * clipped to the input.
 */
export function decodeCellBox(
  level: GflLevel,
  cell: number,
  options: GflDecodeOptions,
): [number, number, number, number] {
  const { binCount, inputWidth, inputHeight } = options
  const offset = options.centerOffset ?? 0.5
  const cx = ((cell % level.gridWidth) + offset) * level.stride
  const cy = (Math.floor(cell / level.gridWidth) + offset) * level.stride
  const base = cell * 4 * binCount
  const side = (k: number) =>
    distributionExpectation(level.distributions, base + k * binCount, binCount) * level.stride
  const clip = (value: number, max: number) => Math.min(max, Math.max(0, value))
  return [
    clip(cx - side(0), inputWidth),
    clip(cy - side(1), inputHeight),
    clip(cx + side(2), inputWidth),
    clip(cy + side(3), inputHeight),
  ]
}

/**
 * Candidates of one level: every (cell, class) with score ≥ threshold (a cell may give several
 * classes, as upstream `multiclass_nms` does), from at most `maxCellsPerLevel` best cells.
 */
export function decodeGflLevel(level: GflLevel, options: GflDecodeOptions): BoxCandidate[] {
  const { classCount, binCount, scoreThreshold } = options
  const cellCount = level.gridWidth * level.gridHeight
  if (level.scores.length !== cellCount * classCount) {
    throw new RangeError(
      `GFL level stride ${level.stride}: ${level.scores.length} scores, expected ${cellCount}×${classCount}`,
    )
  }
  if (level.distributions.length !== cellCount * 4 * binCount) {
    throw new RangeError(
      `GFL level stride ${level.stride}: ${level.distributions.length} distribution values, expected ${cellCount}×4×${binCount}`,
    )
  }
  const cells: { cell: number; best: number }[] = []
  for (let cell = 0; cell < cellCount; cell++) {
    let best = 0
    for (let c = 0; c < classCount; c++) best = Math.max(best, level.scores[cell * classCount + c])
    if (best >= scoreThreshold) cells.push({ cell, best })
  }
  const maxCells = options.maxCellsPerLevel ?? 1000
  if (cells.length > maxCells) {
    cells.sort((a, b) => b.best - a.best)
    cells.length = maxCells
  }
  const out: BoxCandidate[] = []
  for (const { cell } of cells) {
    const box = decodeCellBox(level, cell, options)
    for (let c = 0; c < classCount; c++) {
      const score = level.scores[cell * classCount + c]
      if (score >= scoreThreshold) out.push({ box: [...box], classId: c, score })
    }
  }
  return out
}
