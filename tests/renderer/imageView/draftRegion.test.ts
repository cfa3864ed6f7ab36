import { describe, expect, it } from 'vitest'
import { formPosition, regionInputOf } from '../../../renderer/src/imageView/draftRegion'

const identity = (point: readonly [number, number]): [number, number] => [point[0], point[1]]
const view = { width: 800, height: 600 }

describe('regionInputOf', () => {
  it('turns a clicked pixel into a point region and a drag into a box region', () => {
    expect(regionInputOf({ kind: 'point', pixel: [12, 34] }, 'mug')).toEqual({
      label: 'mug',
      point: [12, 34],
    })
    expect(regionInputOf({ kind: 'box', box: [1, 2, 30, 40] }, 'tray')).toEqual({
      label: 'tray',
      box: [1, 2, 30, 40],
    })
  })
})

describe('formPosition', () => {
  it("puts the form right of and below a point's pixel centre", () => {
    // Centre (100.5, 200.5): left 100.5 + 12, top 200.5 + 10.
    expect(formPosition({ kind: 'point', pixel: [100, 200] }, identity, view)).toEqual({
      left: 112.5,
      top: 210.5,
    })
  })

  it("puts the form under a box's lower-left corner", () => {
    expect(formPosition({ kind: 'box', box: [50, 60, 150, 160] }, identity, view)).toEqual({
      left: 50,
      top: 170,
    })
  })

  it('keeps the 260 × 64 form 8 px inside the view', () => {
    expect(formPosition({ kind: 'point', pixel: [790, 590] }, identity, view)).toEqual({
      left: 800 - 260 - 8,
      top: 600 - 64 - 8,
    })
    expect(formPosition({ kind: 'box', box: [-20, 0, 10, -30] }, identity, view)).toEqual({
      left: 8,
      top: 8,
    })
  })
})
