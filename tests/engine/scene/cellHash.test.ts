import { describe, expect, it } from 'vitest'
import { CellHash } from '../../../main/engine/scene/cellHash'
import { intBetween, pick, seeded } from '../../helpers/fuzz'

// Model-based property: CellHash must behave like a Map from "ix,iy,iz" to insertion order, through growth and
// colliding keys, for every int32 cell; a cell outside int32 (a non-finite or huge coordinate) is refused.

describe('CellHash against a Map (seeded)', () => {
  it('finds and inserts exactly as a Map keyed by the cell would', () => {
    const random = seeded(101)
    for (let round = 0; round < 20; round++) {
      const hash = new CellHash(intBetween(1, 50, random))
      const model = new Map<string, number>()
      const span = pick([2, 16, 1000, 2 ** 31 - 1], random) // small spans collide, the full span reaches int32 ends
      const coordinate = () =>
        random() < 0.05 ? pick([-(2 ** 31), 2 ** 31 - 1], random) : intBetween(-span, span, random)
      const mismatches: string[] = []
      for (let op = 0; op < 500; op++) {
        const [x, y, z] = [coordinate(), coordinate(), coordinate()]
        const key = `${x},${y},${z}`
        const isFind = random() < 0.5
        if (!isFind && !model.has(key)) model.set(key, model.size)
        const got = isFind ? hash.find(x, y, z) : hash.findOrInsert(x, y, z)
        if (got !== (model.get(key) ?? -1) || hash.size !== model.size)
          mismatches.push(`round ${round} op ${op} ${isFind ? 'find' : 'insert'} ${key}: ${got}`)
      }
      for (const [key, value] of model) {
        const [x, y, z] = key.split(',').map(Number)
        if (hash.find(x, y, z) !== value) mismatches.push(`round ${round} final ${key}`)
      }
      expect(mismatches).toEqual([])
    }
  })

  it('refuses a cell outside int32 instead of inserting it again on every call (the voxel-hash blow-up)', () => {
    const hash = new CellHash(16)
    for (const bad of [Number.NaN, Infinity, 2 ** 31, -(2 ** 31) - 1, 1e12, 0.5]) {
      expect(() => hash.findOrInsert(bad, 0, 0)).toThrow(
        /voxel cell .* is not a whole number in the int32 grid/,
      )
      expect(hash.find(bad, 0, 0)).toBe(-1)
    }
    expect(hash.size).toBe(0)
  })
})
