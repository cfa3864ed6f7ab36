import type { LiftedCloud } from './backproject'

/**
 * Proposes plane hypotheses from three valid pixels close together in the image (a random pixel
 * and two others up to `radiusPx` away in different directions). Nearby pixels usually lie on one
 * surface, so the triple is all-inlier far more often than three uniform points are.
 */
export function createLocalTripleProposer(
  cloud: LiftedCloud,
  width: number,
  height: number,
  radiusPx = Math.max(8, Math.round(width / 24)),
): (random: () => number) => Float32Array | null {
  const out = new Float32Array(9)
  const pointAt = (u: number, v: number): number => {
    if (u < 0 || v < 0 || u >= width || v >= height) return -1
    return cloud.pointOfPixel[v * width + u]
  }
  return (random) => {
    if (cloud.count < 3) return null
    const first = Math.floor(random() * cloud.count)
    const pixel = cloud.pixelOfPoint[first]
    const u = pixel % width
    const v = (pixel - u) / width
    // Two directions at least 60° apart keep the triangle well conditioned.
    const angle = random() * 2 * Math.PI
    const second = pointAt(
      u + Math.round(radiusPx * Math.cos(angle)),
      v + Math.round(radiusPx * Math.sin(angle)),
    )
    const turn = angle + (Math.PI / 3) * (1 + random())
    const third = pointAt(
      u + Math.round(radiusPx * Math.cos(turn)),
      v + Math.round(radiusPx * Math.sin(turn)),
    )
    if (second < 0 || third < 0) return null
    for (const [slot, point] of [
      [0, first],
      [1, second],
      [2, third],
    ]) {
      out[slot * 3] = cloud.pointsInCamera[point * 3]
      out[slot * 3 + 1] = cloud.pointsInCamera[point * 3 + 1]
      out[slot * 3 + 2] = cloud.pointsInCamera[point * 3 + 2]
    }
    return out
  }
}
