// placeholder until helper writes it
import type { DepthImage, Intrinsics } from '../types'
export interface SurfaceGrowInput {
  depth: DepthImage
  intrinsics: Intrinsics
  pointsInCamera: Float32Array
  pointOfPixel: Int32Array
  isCandidate: Uint8Array
  relativeNoise: number
}
export function growSurfaceFromPoint(input: SurfaceGrowInput, u: number, v: number): Uint32Array {
  void input; void u; void v
  return new Uint32Array(0)
}
