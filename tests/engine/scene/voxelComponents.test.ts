import { describe, expect, it } from 'vitest'
import { packedVoxelComponents } from '../../../main/engine/scene/voxelComponents'
import { clusterPoints } from '../../../main/engine/scene/clusterObjects'

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Independent reference: components of occupied voxels by breadth-first search over string-keyed cells. */
function referenceComponents(points: Float32Array, voxel: number): number[] {
  const n = points.length / 3
  const cellOf = (i: number) => [0, 1, 2].map((a) => Math.floor(points[i * 3 + a] / voxel))
  const byCell = new Map<string, number[]>()
  for (let i = 0; i < n; i++) {
    const key = cellOf(i).join(',')
    byCell.set(key, [...(byCell.get(key) ?? []), i])
  }
  const label = new Array<number>(n).fill(-1)
  let next = 0
  for (let i = 0; i < n; i++) {
    if (label[i] >= 0) continue
    const queue = [cellOf(i)]
    const seen = new Set([queue[0].join(',')])
    while (queue.length) {
      const [x, y, z] = queue.pop()!
      for (const member of byCell.get([x, y, z].join(',')) ?? []) label[member] = next
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (let dz = -1; dz <= 1; dz++) {
            const key = [x + dx, y + dy, z + dz].join(',')
            if (!seen.has(key) && byCell.has(key)) {
              seen.add(key)
              queue.push([x + dx, y + dy, z + dz])
            }
          }
    }
    next++
  }
  return label
}

/** Blobs of points (some touching, some apart) around random centres in a box of `sizeM`. */
function blobs(seed: number, count: number, sizeM: number): Float32Array {
  const rand = random(seed)
  const out: number[] = []
  for (let b = 0; b < count; b++) {
    const centre = [rand() * sizeM, rand() * sizeM, rand() * 0.5]
    const radius = 0.01 + rand() * 0.08
    for (let i = 0; i < 60; i++)
      for (let a = 0; a < 3; a++) out.push(centre[a] + (rand() * 2 - 1) * radius)
  }
  return Float32Array.from(out)
}

/** Whether two labelings describe the same partition. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const forward = new Map<number, number>()
  const backward = new Map<number, number>()
  for (let i = 0; i < a.length; i++) {
    if ((forward.get(a[i]) ?? b[i]) !== b[i] || (backward.get(b[i]) ?? a[i]) !== a[i]) return false
    forward.set(a[i], b[i])
    backward.set(b[i], a[i])
  }
  return true
}

describe('packedVoxelComponents', () => {
  it('finds the same 26-connected components as a breadth-first reference', () => {
    for (const seed of [1, 2, 3]) {
      const points = blobs(seed, 40, 1.5)
      const result = packedVoxelComponents(points, 0.02)!
      expect(result).not.toBeNull()
      const labels = Array.from(result.voxelOfSelected, (v) => result.componentOfVoxel[v])
      const reference = referenceComponents(points, 0.02)
      expect(samePartition(labels, reference)).toBe(true)
      expect(result.components).toBe(Math.max(...reference) + 1)
    }
  })

  it('joins diagonal neighbours and separates cells one voxel apart (hand-made cells)', () => {
    // Voxel 1 cm: cells (0,0,0), (1,1,1) touch at a corner; (3,0,0) is one empty cell away.
    const points = Float32Array.from([
      0.005, 0.005, 0.005, 0.015, 0.015, 0.015, 0.035, 0.005, 0.005,
    ])
    const result = packedVoxelComponents(points, 0.01)!
    const label = (k: number) => result.componentOfVoxel[result.voxelOfSelected[k]]
    expect(label(0)).toBe(label(1))
    expect(label(2)).not.toBe(label(0))
    expect(Array.from(result.pointsPerVoxel)).toEqual([1, 1, 1])
    expect(Array.from(result.cells)).toEqual([0, 0, 0, 1, 1, 1, 3, 0, 0])
  })

  it('works on a selection of the points without copying them', () => {
    const points = blobs(7, 20, 1)
    const selected = Uint32Array.from({ length: points.length / 6 }, (_, i) => i * 2)
    const result = packedVoxelComponents(points, 0.02, selected)!
    const gathered = new Float32Array(selected.length * 3)
    selected.forEach((i, k) => gathered.set(points.subarray(i * 3, i * 3 + 3), k * 3))
    const labels = Array.from(result.voxelOfSelected, (v) => result.componentOfVoxel[v])
    expect(samePartition(labels, referenceComponents(gathered, 0.02))).toBe(true)
  })

  it('declines selections wider than 1022 voxels, and clusterPoints still clusters them', () => {
    // Two pairs of touching points 20 m apart at 1 cm voxels: 2000 cells along x.
    const points = Float32Array.from([0, 0, 0, 0.012, 0, 0, 20, 0, 0, 20.012, 0, 0])
    expect(packedVoxelComponents(points, 0.01)).toBeNull()
    const clusters = clusterPoints(points, {
      voxelSizeM: 0.01,
      minPoints: 1,
      minExtentM: 0,
      maxExtentM: Infinity,
    })
    expect(clusters.map((c) => Array.from(c).sort())).toEqual([
      [0, 1],
      [2, 3],
    ])
  })

  it('clusterPoints with a selection returns positions in the selection', () => {
    const points = Float32Array.from([9, 9, 9, 0, 0, 0, 0.012, 0, 0, 5, 5, 5, 5.012, 5, 5])
    const clusters = clusterPoints(
      points,
      { voxelSizeM: 0.01, minPoints: 2, minExtentM: 0, maxExtentM: Infinity },
      [1, 2, 3, 4],
    )
    expect(clusters.map((c) => Array.from(c))).toEqual([
      [0, 1],
      [2, 3],
    ])
  })
})
