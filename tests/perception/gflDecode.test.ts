import { describe, expect, it } from 'vitest'
import {
  decodeCellBox,
  decodeGflLevel,
  distributionExpectation,
  type GflLevel,
} from '../../main/engine/perception/gflDecode'

/** Logits whose softmax is (numerically) one-hot at `bin`. */
function oneHot(bin: number, binCount = 8): number[] {
  return Array.from({ length: binCount }, (_, i) => (i === bin ? 40 : 0))
}

/** A level whose cells all have the given scores and per-side bins. */
function level(opts: {
  stride: number
  gridWidth: number
  gridHeight: number
  classes: number
  score: (cell: number, classId: number) => number
  bins: (cell: number) => [number, number, number, number]
}): GflLevel {
  const cells = opts.gridWidth * opts.gridHeight
  const scores = new Float32Array(cells * opts.classes)
  const distributions = new Float32Array(cells * 32)
  for (let cell = 0; cell < cells; cell++) {
    for (let c = 0; c < opts.classes; c++) scores[cell * opts.classes + c] = opts.score(cell, c)
    distributions.set(
      opts.bins(cell).flatMap((bin) => oneHot(bin)),
      cell * 32,
    )
  }
  return {
    stride: opts.stride,
    gridWidth: opts.gridWidth,
    gridHeight: opts.gridHeight,
    scores,
    distributions,
  }
}

describe('distributionExpectation', () => {
  it('decodes a one-hot distribution to its bin exactly', () => {
    for (let bin = 0; bin < 8; bin++)
      expect(distributionExpectation(oneHot(bin), 0, 8)).toBeCloseTo(bin, 12)
  })

  it('gives the mean bin for equal logits and the midpoint of two equal peaks', () => {
    expect(distributionExpectation(new Float32Array(8), 0, 8)).toBeCloseTo(3.5, 12)
    const twoPeaks = [0, 0, 50, 0, 50, 0, 0, 0]
    expect(distributionExpectation(twoPeaks, 0, 8)).toBeCloseTo(3, 12)
  })

  it('reads at an offset and does not overflow on large logits', () => {
    const logits = [9, 9, ...oneHot(5).map((x) => x * 30)]
    expect(distributionExpectation(logits, 2, 8)).toBeCloseTo(5, 12)
  })
})

describe('decodeCellBox', () => {
  const options = {
    classCount: 1,
    binCount: 8,
    scoreThreshold: 0.5,
    inputWidth: 64,
    inputHeight: 64,
  }

  it('measures distances × stride from the cell centre (column + 0.5, row + 0.5) · stride, clipped to the input', () => {
    // Cell 3 of a 2×2 grid at stride 8 = column 1, row 1 → centre (12, 12).
    // Bins left 1, top 2, right 3, bottom 0 → 8, 16, 24, 0 px → [4, −4 → 0, 36, 12].
    const l = level({
      stride: 8,
      gridWidth: 2,
      gridHeight: 2,
      classes: 1,
      score: () => 0,
      bins: () => [1, 2, 3, 0],
    })
    expect(decodeCellBox(l, 3, options).map((x) => Number(x.toFixed(9)))).toEqual([4, 0, 36, 12])
  })

  it('uses the centre offset when given (0 for NanoDet-Plus style priors)', () => {
    const l = level({
      stride: 8,
      gridWidth: 2,
      gridHeight: 2,
      classes: 1,
      score: () => 0,
      bins: () => [1, 1, 1, 1],
    })
    expect(
      decodeCellBox(l, 3, { ...options, centerOffset: 0 }).map((x) => Number(x.toFixed(9))),
    ).toEqual([0, 0, 16, 16])
  })
})

describe('decodeGflLevel', () => {
  const options = {
    classCount: 2,
    binCount: 8,
    scoreThreshold: 0.3,
    inputWidth: 32,
    inputHeight: 32,
  }

  it('emits one candidate per (cell, class) at or above the threshold', () => {
    // 2×2 grid, stride 16. Cell 0: class 1 at 0.9; cell 2: both classes (0.4, 0.3); others below.
    const scores: Record<number, [number, number]> = {
      0: [0.1, 0.9],
      1: [0.29, 0.2],
      2: [0.4, 0.3],
      3: [0, 0],
    }
    const l = level({
      stride: 16,
      gridWidth: 2,
      gridHeight: 2,
      classes: 2,
      score: (cell, c) => scores[cell][c],
      bins: () => [0, 0, 1, 1],
    })
    const out = decodeGflLevel(l, options)
    expect(out.map((c) => [c.classId, Number(c.score.toFixed(3))])).toEqual([
      [1, 0.9],
      [0, 0.4],
      [1, 0.3],
    ])
    // Cell 0 centre (8, 8) → [8, 8, 24, 24]; cell 2 = column 0, row 1, centre (8, 24) → [8, 24, 24, 32 (clipped)].
    expect(out[0].box.map((x) => Number(x.toFixed(9)))).toEqual([8, 8, 24, 24])
    expect(out[1].box.map((x) => Number(x.toFixed(9)))).toEqual([8, 24, 24, 32])
    expect(out[1].box).not.toBe(out[2].box)
  })

  it('keeps only the best cells when more pass the threshold than allowed (upstream nms_pre)', () => {
    const l = level({
      stride: 16,
      gridWidth: 2,
      gridHeight: 2,
      classes: 1,
      score: (cell) => 0.5 + cell * 0.1,
      bins: () => [1, 1, 1, 1],
    })
    const out = decodeGflLevel(l, { ...options, classCount: 1, maxCellsPerLevel: 2 })
    expect(out.map((c) => Number(c.score.toFixed(3)))).toEqual([0.8, 0.7])
  })

  it('rejects arrays of the wrong size with the stride in the message', () => {
    const l = level({
      stride: 16,
      gridWidth: 2,
      gridHeight: 2,
      classes: 2,
      score: () => 0,
      bins: () => [0, 0, 0, 0],
    })
    expect(() => decodeGflLevel(l, { ...options, classCount: 3 })).toThrow(/stride 16/)
  })
})
