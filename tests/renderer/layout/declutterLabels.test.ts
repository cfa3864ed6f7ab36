import { describe, expect, it } from 'vitest'
import {
  declutterLabels,
  labelPriority,
  type LabelRequest,
  type PlacedLabel,
} from '../../../renderer/src/layout/declutterLabels'

const VIEW = { width: 400, height: 300 }

/** Mulberry32: a small seeded generator, so the cluttered scenes are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` labels with anchors scattered over the middle of the view, sizes like object names. */
function clutter(count: number, seed: number): LabelRequest[] {
  const random = seeded(seed)
  return Array.from({ length: count }, () => ({
    anchorPx: [60 + random() * 280, 40 + random() * 220] as [number, number],
    widthPx: 30 + Math.round(random() * 60),
    heightPx: 16,
    priority: random() * 3,
  }))
}

/** Overlap test written independently of the layout: strict interval intersection on both axes. */
function intersects(a: PlacedLabel, b: PlacedLabel): boolean {
  const apart =
    a.xPx + a.widthPx <= b.xPx ||
    b.xPx + b.widthPx <= a.xPx ||
    a.yPx + a.heightPx <= b.yPx ||
    b.yPx + b.heightPx <= a.yPx
  return !apart
}

describe('declutterLabels', () => {
  it('leaves labels that do not collide at their preferred spot, centred just above the anchor', () => {
    const placed = declutterLabels(
      [
        { anchorPx: [100, 100], widthPx: 40, heightPx: 10, priority: 1 },
        { anchorPx: [300, 200], widthPx: 60, heightPx: 12, priority: 2 },
      ],
      { viewport: VIEW, gapPx: 3 },
    )
    // x = anchor − width / 2, y = anchor − gap − height.
    expect(placed[0]).toEqual({
      placement: 'home',
      isVisible: true,
      xPx: 80,
      yPx: 87,
      widthPx: 40,
      heightPx: 10,
      leader: null,
    })
    expect(placed[1]).toMatchObject({ isVisible: true, xPx: 270, yPx: 185, leader: null })
  })

  it('moves the lower-priority of two labels on one anchor up a row, with a leader line to it', () => {
    const a: LabelRequest = { anchorPx: [100, 100], widthPx: 40, heightPx: 10, priority: 1 }
    const b: LabelRequest = { ...a, priority: 2 }
    const [placedA, placedB] = declutterLabels([a, b], { viewport: VIEW, gapPx: 3, marginPx: 2 })
    // b keeps 80…120 × 87…97; a goes one row (height 10 + margin 2) up: 75…85.
    expect(placedB).toMatchObject({ xPx: 80, yPx: 87, leader: null })
    expect(placedA).toMatchObject({ placement: 'moved', isVisible: true, xPx: 80, yPx: 75 })
    // The leader runs from the anchor to the nearest point of the moved box: its bottom edge.
    expect(placedA.leader).toEqual({ from: [100, 100], to: [100, 85] })
  })

  it('keeps the label with the higher priority when only one fits, whatever the input order', () => {
    const low: LabelRequest = { anchorPx: [50, 50], widthPx: 40, heightPx: 10, priority: 0.3 }
    const high: LabelRequest = { ...low, anchorPx: [55, 52], priority: 1.7 }
    for (const labels of [
      [low, high],
      [high, low],
    ]) {
      const placed = declutterLabels(labels, { viewport: VIEW, maxRings: 0 })
      const visible = labels.filter((_, i) => placed[i].isVisible)
      expect(visible).toEqual([high])
      expect(placed[labels.indexOf(low)].placement).toBe('crowded')
    }
  })

  it('hides labels whose anchor is off the view or not a number', () => {
    const size = { widthPx: 30, heightPx: 10, priority: 1 }
    const placed = declutterLabels(
      [
        { anchorPx: [-5, 40], ...size },
        { anchorPx: [40, 301], ...size },
        { anchorPx: [Number.NaN, 40], ...size },
        { anchorPx: [40, 40], ...size },
      ],
      { viewport: VIEW },
    )
    expect(placed.map((label) => label.isVisible)).toEqual([false, false, false, true])
    expect(placed.map((label) => label.placement)).toEqual([
      'off-view',
      'off-view',
      'off-view',
      'home',
    ])
    expect(placed[0].leader).toBeNull()
  })

  it('keeps a label near the edge inside the view, without a leader', () => {
    const [placed] = declutterLabels(
      [{ anchorPx: [395, 5], widthPx: 40, heightPx: 10, priority: 1 }],
      { viewport: VIEW },
    )
    expect(placed).toMatchObject({ xPx: 360, yPx: 0, leader: null })
  })

  it('shows no two overlapping labels in cluttered scenes, all inside the view', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const labels = clutter(60, seed)
      const placed = declutterLabels(labels, { viewport: VIEW })
      const visible = placed.filter((label) => label.isVisible)
      // Clutter means some labels must hide, and the layout must still show many.
      expect(visible.length).toBeLessThan(60)
      expect(visible.length).toBeGreaterThan(15)
      for (let i = 0; i < visible.length; i++) {
        const a = visible[i]
        expect(a.xPx).toBeGreaterThanOrEqual(0)
        expect(a.yPx).toBeGreaterThanOrEqual(0)
        expect(a.xPx + a.widthPx).toBeLessThanOrEqual(VIEW.width)
        expect(a.yPx + a.heightPx).toBeLessThanOrEqual(VIEW.height)
        for (let j = i + 1; j < visible.length; j++) expect(intersects(a, visible[j])).toBe(false)
      }
    }
  })

  it('places the most important label at its preferred spot and every moved one with a leader', () => {
    const labels = clutter(40, 7)
    const placed = declutterLabels(labels, { viewport: VIEW, gapPx: 3 })
    const top = labels.reduce(
      (best, label, i) => (label.priority > labels[best].priority ? i : best),
      0,
    )
    const [ax, ay] = labels[top].anchorPx
    expect(placed[top]).toMatchObject({
      isVisible: true,
      xPx: ax - labels[top].widthPx / 2,
      yPx: ay - 3 - 16,
      leader: null,
    })
    for (const [i, label] of placed.entries()) {
      if (!label.isVisible || !label.leader) continue
      expect(label.leader.from).toEqual([...labels[i].anchorPx])
      // The leader ends on the label's box.
      const [x, y] = label.leader.to
      expect(x).toBeGreaterThanOrEqual(label.xPx)
      expect(x).toBeLessThanOrEqual(label.xPx + label.widthPx)
      expect(y).toBeGreaterThanOrEqual(label.yPx)
      expect(y).toBeLessThanOrEqual(label.yPx + label.heightPx)
    }
    expect(placed.some((label) => label.leader)).toBe(true)
  })

  it('is deterministic: the same labels give the same layout, in any input order', () => {
    const labels = clutter(50, 11)
    const placed = declutterLabels(labels, { viewport: VIEW })
    expect(declutterLabels(labels, { viewport: VIEW })).toEqual(placed)
    const order = labels.map((_, i) => i).reverse()
    const shuffled = declutterLabels(
      order.map((i) => labels[i]),
      { viewport: VIEW },
    )
    order.forEach((original, position) => expect(shuffled[position]).toEqual(placed[original]))
  })

  it('keeps labels off the obstacles (controls over the view), moving them past', () => {
    const [placed] = declutterLabels(
      [{ anchorPx: [100, 30], widthPx: 40, heightPx: 10, priority: 1 }],
      {
        viewport: VIEW,
        gapPx: 3,
        marginPx: 2,
        obstacles: [{ xPx: 0, yPx: 0, widthPx: 400, heightPx: 30 }],
      },
    )
    // Home (y 17…27) is under the band; one row down (y 29…39) is within the margin of it (< 32);
    // two rows down (y 41…51) is the nearest free spot straight below. Sideways moves stay under
    // the band, and the diagonal ones further away in pixels.
    expect(placed).toMatchObject({ placement: 'moved', xPx: 80, yPx: 41 })
  })

  it('starts a label at its anchor with alignX 0 (the image view puts names on box corners)', () => {
    const [placed] = declutterLabels(
      [{ anchorPx: [120, 80], widthPx: 50, heightPx: 16, priority: 1 }],
      { viewport: VIEW, alignX: 0, gapPx: 2 },
    )
    expect(placed).toMatchObject({ xPx: 120, yPx: 62 })
  })
})

describe('declutterLabels input checks', () => {
  const label: LabelRequest = { anchorPx: [10, 10], widthPx: 20, heightPx: 10, priority: 1 }

  it('names the label whose size or priority is not a number', () => {
    expect(() =>
      declutterLabels([label, { ...label, widthPx: Number.NaN }], { viewport: VIEW }),
    ).toThrow(/label 1 needs a finite size/)
    expect(() => declutterLabels([{ ...label, heightPx: -1 }], { viewport: VIEW })).toThrow(
      /label 0/,
    )
    expect(() => declutterLabels([{ ...label, priority: Infinity }], { viewport: VIEW })).toThrow(
      /priority Infinity/,
    )
  })

  it('refuses a viewport or ring count that cannot be laid out', () => {
    expect(() => declutterLabels([label], { viewport: { width: Number.NaN, height: 1 } })).toThrow(
      /viewport/,
    )
    expect(() => declutterLabels([label], { viewport: VIEW, maxRings: 1000 })).toThrow(/maxRings/)
    expect(() => declutterLabels([label], { viewport: VIEW, maxRings: 1.5 })).toThrow(/maxRings/)
  })

  it('takes an option given as undefined as its default', () => {
    expect(declutterLabels([label], { viewport: VIEW, gapPx: undefined })).toEqual(
      declutterLabels([label], { viewport: VIEW }),
    )
  })
})

describe('labelPriority', () => {
  it('ranks hovered above referenced above the rest, then bigger objects first', () => {
    const ranked = [
      labelPriority('normal', 1e9),
      labelPriority('answer', 0.001),
      labelPriority('hover', 0),
      labelPriority('normal', 0.5),
      labelPriority('answer', 2),
    ]
    const order = ranked
      .map((priority, i) => ({ priority, i }))
      .sort((a, b) => b.priority - a.priority)
    expect(order.map(({ i }) => i)).toEqual([2, 4, 1, 0, 3])
  })

  it('treats a missing or negative size as the smallest', () => {
    expect(labelPriority('normal', Number.NaN)).toBe(labelPriority('normal', 0))
    expect(labelPriority('normal', -3)).toBe(labelPriority('normal', 0))
    expect(labelPriority('normal', 0.01)).toBeGreaterThan(labelPriority('normal', 0))
  })
})
