import { describe, expect, it } from 'vitest'
import {
  owlBoxToOriginal,
  owlDetections,
  sigmoid,
} from '../../../main/engine/perception/owlPostprocess'
import { owlTransform } from '../../../main/engine/perception/owlPreprocess'

const t = owlTransform(640, 480)

/** Logits [boxes, 2] and boxes [boxes, 4] from rows of [logit0, logit1, cx, cy, w, h]. */
function outputs(rows: number[][]) {
  return {
    logits: Float32Array.from(rows.flatMap((r) => r.slice(0, 2))),
    boxes: Float32Array.from(rows.flatMap((r) => r.slice(2))),
    count: rows.length,
  }
}

describe('OWLv2 post-processing', () => {
  it('sigmoid of the logits', () => {
    expect(sigmoid(0)).toBe(0.5)
    expect(sigmoid(2)).toBeCloseTo(0.880797, 6)
    expect(sigmoid(-2)).toBeCloseTo(0.119203, 6)
  })

  it('boxes (cx, cy, w, h) in the padded square → corners × the longest side, clipped to the image', () => {
    // 640×480 pads to 640²: (0.5, 0.5, 0.2, 0.1) → centre (320, 320), 128 × 64.
    expect(owlBoxToOriginal(0.5, 0.5, 0.2, 0.1, t)).toEqual([256, 288, 384, 352])
    // Lower edge 0.8 · 640 = 512 lies in the padding: clipped to the image height 480.
    expect(owlBoxToOriginal(0.1, 0.7, 0.1, 0.2, t).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
      32, 384, 96, 480,
    ])
  })

  it('keeps each box with its best query above threshold, labelled with the user label', () => {
    const o = outputs([
      [-9, 2, 0.25, 0.2, 0.1, 0.1], // mug, 0.881 → [128, 96, 192, 160]
      [0.5, -9, 0.5, 0.5, 0.2, 0.2], // bottle, 0.622
      [-1.5, -9, 0.8, 0.3, 0.1, 0.1], // bottle, 0.182: below 0.3
      [-9, -9, 0.1, 0.1, 0.1, 0.1], // nothing
    ])
    const detections = owlDetections(o.logits, o.boxes, o.count, 2, {
      labels: ['bottle', 'mug'],
      transform: t,
      scoreThreshold: 0.3,
    })
    expect(detections.map((d) => d.label)).toEqual(['mug', 'bottle'])
    expect(detections[0]).toMatchObject({ label: 'mug', classId: 1 })
    expect(detections[0].score).toBeCloseTo(sigmoid(2), 6)
    detections[0].box.forEach((v, i) => expect(v).toBeCloseTo([128, 96, 192, 160][i], 3))
    expect(detections[1].box.map((v) => Math.round(v))).toEqual([256, 256, 384, 384])
  })

  it('applies a per-query threshold', () => {
    const o = outputs([
      [0, -9, 0.5, 0.5, 0.2, 0.2], // bottle 0.5
      [-9, 0, 0.2, 0.2, 0.1, 0.1], // mug 0.5
    ])
    const run = (scoreThreshold: number[]) =>
      owlDetections(o.logits, o.boxes, o.count, 2, {
        labels: ['bottle', 'mug'],
        transform: t,
        scoreThreshold,
      }).map((d) => d.label)
    expect(run([0.4, 0.6])).toEqual(['bottle'])
    expect(run([0.6, 0.4])).toEqual(['mug'])
    // Upstream keeps score > threshold: 0.5 at threshold 0.5 is dropped.
    expect(run([0.5, 0.5])).toEqual([])
  })

  it('suppresses overlapping boxes of the same label, keeps other labels and drops boxes in the padding', () => {
    const o = outputs([
      [-9, 3, 0.3, 0.3, 0.2, 0.2], // mug 0.953
      [-9, 1, 0.31, 0.3, 0.2, 0.2], // mug 0.731, IoU ≈ 0.9 with the first: suppressed
      [1, -9, 0.31, 0.3, 0.2, 0.2], // bottle 0.731 at the same place: kept (other label)
      [-9, 4, 0.5, 0.9, 0.2, 0.1], // mug 0.982 but y ∈ [544, 608] > 480: entirely in the padding
    ])
    const detections = owlDetections(o.logits, o.boxes, o.count, 2, {
      labels: ['bottle', 'mug'],
      transform: t,
    })
    expect(detections.map((d) => [d.label, Number(d.score.toFixed(3))])).toEqual([
      ['mug', 0.953],
      ['bottle', 0.731],
    ])
  })

  it('rejects a label count that does not match the queries', () => {
    expect(() =>
      owlDetections(new Float32Array(4), new Float32Array(8), 2, 2, {
        labels: ['mug'],
        transform: t,
      }),
    ).toThrow(/2 queries.*1 labels/)
  })
})
