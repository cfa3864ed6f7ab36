import { describe, expect, it } from 'vitest'
import { gflDetections } from '../../main/engine/perception/gflDetections'
import { letterboxTransform } from '../../main/engine/perception/resizeTransform'
import { parseLabelList, readableCocoLabel } from '../../main/engine/perception/cocoLabels'
import type { GflLevel } from '../../main/engine/perception/gflDecode'

/** One stride-32 level over a 416×416 input (13×13 cells), 2 classes, with a few set cells. */
function stride32Level(
  cells: { cell: number; scores: [number, number]; bins: number[] }[],
): GflLevel {
  const scores = new Float32Array(169 * 2)
  const distributions = new Float32Array(169 * 32)
  for (const { cell, scores: s, bins } of cells) {
    scores.set(s, cell * 2)
    bins.forEach((bin, side) => (distributions[cell * 32 + side * 8 + bin] = 40))
  }
  return { stride: 32, gridWidth: 13, gridHeight: 13, scores, distributions }
}

describe('gflDetections', () => {
  // An 832×624 image letterboxed into 416: scale 0.5, padX 0, padY (416 − 312) / 2 = 52.
  const transform = letterboxTransform(832, 624, 416, 416)
  const spec = { labels: ['cup', 'laptop'], classCount: 2, binCount: 8, transform }

  it('decodes, suppresses and maps back to original pixels', () => {
    const level = stride32Level([
      // Column 3, row 4 → centre (112, 144); bins 2, 1, 2, 3 → 64, 32, 64, 96 → model [48, 112, 176, 240]
      // → original [96, 120, 352, 376] (x · 2, (y − 52) · 2).
      { cell: 4 * 13 + 3, scores: [0.1, 0.9], bins: [2, 1, 2, 3] },
      // Column 5, same bins → model [112, 112, 240, 240]: IoU with the first 1/3 → kept.
      { cell: 4 * 13 + 5, scores: [0.0, 0.5], bins: [2, 1, 2, 3] },
    ])
    // A second level with the first box again: its laptop score (IoU 1) is suppressed, its cup score stays.
    const duplicate = stride32Level([{ cell: 4 * 13 + 3, scores: [0.4, 0.7], bins: [2, 1, 2, 3] }])
    const detections = gflDetections([level, duplicate], spec, { scoreThreshold: 0.3 })
    expect(detections.map((d) => [d.label, d.classId, Number(d.score.toFixed(2))])).toEqual([
      ['laptop', 1, 0.9],
      ['laptop', 1, 0.5],
      ['cup', 0, 0.4],
    ])
    expect(detections[0].box.map((x) => Number(x.toFixed(6)))).toEqual([96, 120, 352, 376])
    expect(detections[1].box.map((x) => Number(x.toFixed(6)))).toEqual([224, 120, 480, 376])
    expect(detections[2].box.map((x) => Number(x.toFixed(6)))).toEqual([96, 120, 352, 376])
  })

  it('applies the IoU threshold and score threshold it is given', () => {
    const level = stride32Level([
      { cell: 4 * 13 + 3, scores: [0, 0.9], bins: [2, 1, 2, 3] },
      { cell: 4 * 13 + 5, scores: [0, 0.5], bins: [2, 1, 2, 3] },
    ])
    expect(gflDetections([level], spec, { iouThreshold: 0.3, scoreThreshold: 0.3 })).toHaveLength(1)
    expect(gflDetections([level], spec, { iouThreshold: 0.4, scoreThreshold: 0.3 })).toHaveLength(2)
    expect(gflDetections([level], spec, { scoreThreshold: 0.6 })).toHaveLength(1)
  })

  it('drops boxes that lie wholly in the padding', () => {
    // Row 0, column 0 → centre (16, 16); bins 0, 0, 0, 1 → model [16, 16, 16, 48]: zero width.
    const level = stride32Level([{ cell: 0, scores: [0, 0.9], bins: [0, 0, 0, 1] }])
    expect(gflDetections([level], spec)).toEqual([])
  })
})

describe('COCO labels', () => {
  it('maps Darknet and NanoDet spellings to COCO 2017 wording', () => {
    expect(
      [
        'tvmonitor',
        'diningtable',
        'sofa',
        'pottedplant',
        'motorbike',
        'aeroplane',
        'traffic_light',
        'laptop',
      ].map(readableCocoLabel),
    ).toEqual([
      'tv',
      'dining table',
      'couch',
      'potted plant',
      'motorcycle',
      'airplane',
      'traffic light',
      'laptop',
    ])
    expect(parseLabelList('person\r\ncell phone\n\n')).toEqual(['person', 'cell phone'])
  })
})
