import { describe, expect, it } from 'vitest'
import { objectRow, summarizeDataset } from '../../../main/evaluation/scenes/evalRows'
import type { TruthBox } from '../../../main/evaluation/scenes/metrics'

// A 1 m cube at z = 2; the visible box is 0.2 m short in depth and height, the amodal one is exact.
const truth: TruthBox = { centerInCamera: [0, 0, 2], footprintM: [1, 1], heightM: 1 }
const visible = {
  centerInCamera: [0, 0, 1.9] as [number, number, number],
  sizeM: { width: 1, depth: 0.8, height: 0.8 },
}
const amodal = {
  centerInCamera: [0, 0, 2] as [number, number, number],
  sizeM: { width: 1, depth: 1, height: 1 },
  method: 'test',
}

describe('objectRow', () => {
  it('scores the visible and the amodal box separately, and a lost object as null', () => {
    const row = objectRow('f', 'cube', truth, { ...visible, amodal }, undefined)
    expect(row.ours?.centreErrorM).toBeCloseTo(0.1, 12)
    expect(row.ours?.footprintM).toEqual([1, 0.8])
    expect(row.ours?.sizeErrorM).toBeCloseTo(0.4 / 3, 12)
    expect(row.oursAmodal?.centreErrorM).toBe(0)
    expect(row.oursAmodal?.sizeErrorM).toBe(0)
    expect(row.amodalMethod).toBe('test')
    expect(row.open3d).toBeNull()
    const lost = objectRow('f', 'cube', truth, undefined, visible)
    expect(lost.ours).toBeNull()
    expect(lost.oursAmodal).toBeNull()
    expect(lost.open3d?.heightErrorRel).toBeCloseTo(0.2, 12)
  })
})

describe('summarizeDataset', () => {
  it('has no "with amodal" summary when no object has an amodal box', () => {
    const summary = summarizeDataset([objectRow('f', 'a', truth, visible, undefined)], false)
    expect(summary.oursWithAmodal).toBeNull()
    expect(summary.amodalCount).toBe(0)
    expect(summary.open3d).toBeNull()
    expect(summary.ours.found).toBe(1)
  })

  it('uses the amodal box where there is one and the visible box elsewhere', () => {
    const rows = [
      objectRow('f', 'a', truth, { ...visible, amodal }, visible),
      objectRow('f', 'b', truth, visible, undefined),
      objectRow('f', 'c', truth, undefined, undefined),
    ]
    const summary = summarizeDataset(rows, true)
    expect(summary.amodalCount).toBe(1)
    // Visible: centre errors 0.1 and 0.1; with amodal: 0 and 0.1 (mean 0.05, max 0.1).
    expect(summary.ours).toMatchObject({ found: 2, total: 3 })
    expect(summary.ours.centreErrorM?.mean).toBeCloseTo(0.1, 12)
    expect(summary.oursWithAmodal?.centreErrorM?.mean).toBeCloseTo(0.05, 12)
    expect(summary.oursWithAmodal?.centreErrorM?.max).toBeCloseTo(0.1, 12)
    // Heights: visible 0.2 and 0.2 short (20 %); with amodal 0 and 20 % (mean 10 %).
    expect(summary.oursWithAmodal?.heightErrorRel?.mean).toBeCloseTo(0.1, 12)
    expect(summary.open3d).toMatchObject({ found: 1, total: 3 })
  })
})
