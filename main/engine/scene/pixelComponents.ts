import type { LiftedCloud } from './backproject'

/**
 * Connected components of the selected points of an organized cloud, linked through the image:
 * two points are connected when their pixels are 8-neighbours (or two apart along a row or column
 * with an unselected pixel between: a dropout) and their 3D distance is at most `linkM`. This is
 * the single-linkage clustering of clusterPoints restricted to image neighbours, and costs a few
 * array reads per pixel instead of hashed 3D neighbourhood lookups over every voxel of the frame.
 * Returns the component of each point (−1 for unselected points) and each component's size.
 */
export function pixelComponents(
  cloud: LiftedCloud,
  width: number,
  height: number,
  isSelected: Uint8Array,
  linkM: number,
): { componentOfPoint: Int32Array; sizes: Uint32Array } {
  const { pointOfPixel, pointsInCamera: p } = cloud
  const parent = new Int32Array(cloud.count).fill(-1)
  for (let i = 0; i < cloud.count; i++) if (isSelected[i]) parent[i] = i
  const link2 = linkM * linkM
  const offsets = [1, width, width + 1, width - 1, 2, 2 * width]
  for (let v = 0; v < height; v++) {
    for (let u = 0, pixel = v * width; u < width; u++, pixel++) {
      const a = pointOfPixel[pixel]
      if (a < 0 || parent[a] < 0) continue
      let ra = root(parent, a)
      for (let k = 0; k < offsets.length; k++) {
        // Right, down, down-right, down-left; two along a row or column only across a dropout.
        if (k === 0 || k === 4 ? u + offsets[k] >= width : v + (k === 5 ? 2 : 1) >= height) continue
        if ((k === 2 && u + 1 >= width) || (k === 3 && u === 0)) continue
        if (k >= 4 && isSelectedPoint(pointOfPixel[pixel + offsets[k] / 2], parent)) continue
        const b = pointOfPixel[pixel + offsets[k]]
        if (b < 0 || parent[b] < 0) continue
        const dx = p[a * 3] - p[b * 3]
        const dy = p[a * 3 + 1] - p[b * 3 + 1]
        const dz = p[a * 3 + 2] - p[b * 3 + 2]
        if (dx * dx + dy * dy + dz * dz > link2) continue
        const rb = root(parent, b)
        if (ra === rb) continue
        if (ra < rb) parent[rb] = ra
        else parent[ra] = ra = rb
      }
    }
  }
  const componentOfPoint = new Int32Array(cloud.count).fill(-1)
  const componentOfRoot = new Int32Array(cloud.count).fill(-1)
  let components = 0
  for (let i = 0; i < cloud.count; i++) {
    if (parent[i] < 0) continue
    const r = root(parent, i)
    if (componentOfRoot[r] < 0) componentOfRoot[r] = components++
    componentOfPoint[i] = componentOfRoot[r]
  }
  const sizes = new Uint32Array(components)
  for (let i = 0; i < cloud.count; i++) if (componentOfPoint[i] >= 0) sizes[componentOfPoint[i]]++
  return { componentOfPoint, sizes }
}

function root(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]]
    i = parent[i]
  }
  return i
}

function isSelectedPoint(point: number, parent: Int32Array): boolean {
  return point >= 0 && parent[point] >= 0
}
