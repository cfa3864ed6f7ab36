import { describe, expect, it } from 'vitest'
import { clientFromNdc, ndcFromClient } from '../../../renderer/src/viewer/screenCoordinates'

const rect = { left: 100, top: 50, width: 400, height: 200 }

describe('screen coordinates', () => {
  it('maps the rect corners and centre to normalised device coordinates (y up)', () => {
    expect(ndcFromClient(rect, 100, 50)).toEqual([-1, 1])
    expect(ndcFromClient(rect, 500, 250)).toEqual([1, -1])
    expect(ndcFromClient(rect, 300, 150)).toEqual([0, 0])
    expect(ndcFromClient(rect, 200, 100)).toEqual([-0.5, 0.5])
  })

  it('maps normalised device coordinates back to client pixels', () => {
    expect(clientFromNdc(rect, -1, 1)).toEqual({ x: 100, y: 50 })
    expect(clientFromNdc(rect, 1, -1)).toEqual({ x: 500, y: 250 })
    expect(clientFromNdc(rect, 0.5, -0.5)).toEqual({ x: 400, y: 200 })
  })
})
