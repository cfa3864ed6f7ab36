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
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]]
      i = parent[i]
    }
    return i
  }
  const link2 = linkM * linkM
  const join = (a: number, b: number): void => {
    if (b < 0 || parent[b] < 0) return
    const dx = p[a * 3] - p[b * 3]
    const dy = p[a * 3 + 1] - p[b * 3 + 1]
    const dz = p[a * 3 + 2] - p[b * 3 + 2]
    if (dx * dx + dy * dy + dz * dz > link2) return
    const ra = root(a)
    const rb = root(b)
    if (ra !== rb) parent[ra < rb ? rb : ra] = ra < rb ? ra : rb
  }
  const isGap = (pixel: number) => {
    const point = pointOfPixel[pixel]
    return point < 0 || parent[point] < 0
  }
  for (let v = 0; v < height; v++) {
    for (let u = 0, pixel = v * width; u < width; u++, pixel++) {
      const a = pointOfPixel[pixel]
      if (a < 0 || parent[a] < 0) continue
      if (u + 1 < width) join(a, pointOfPixel[pixel + 1])
      if (v + 1 < height) {
        join(a, pointOfPixel[pixel + width])
        if (u + 1 < width) join(a, pointOfPixel[pixel + width + 1])
        if (u > 0) join(a, pointOfPixel[pixel + width - 1])
      }
      if (u + 2 < width && isGap(pixel + 1)) join(a, pointOfPixel[pixel + 2])
      if (v + 2 < height && isGap(pixel + width)) join(a, pointOfPixel[pixel + 2 * width])
    }
  }
  const componentOfPoint = new Int32Array(cloud.count).fill(-1)
  const componentOfRoot = new Int32Array(cloud.count).fill(-1)
  let components = 0
  for (let i = 0; i < cloud.count; i++) {
    if (parent[i] < 0) continue
    const r = root(i)
    if (componentOfRoot[r] < 0) componentOfRoot[r] = components++
    componentOfPoint[i] = componentOfRoot[r]
  }
  const sizes = new Uint32Array(components)
  for (let i = 0; i < cloud.count; i++) if (componentOfPoint[i] >= 0) sizes[componentOfPoint[i]]++
  return { componentOfPoint, sizes }
}
