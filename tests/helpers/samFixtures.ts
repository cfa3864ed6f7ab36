/** Synthetic SAM decoder outputs and mask checks shared by the segmentation tests. */

/** A square logit map (`size`², default 256): +5 inside rows [r0, r1) × cols [c0, c1), −5 elsewhere. */
export function rectangleLogits(
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  size = 256,
): Float32Array {
  const logits = new Float32Array(size * size).fill(-5)
  for (let r = r0; r < r1; r++) logits.fill(5, r * size + c0, r * size + c1)
  return logits
}

/**
 * Whether the mask is exactly the box [x0, y0, x1, y1) (1 inside, 0 outside), except that the
 * box's four corner pixels are 0 when `isCornerRounded` (bilinear interpolation of a step rounds
 * a rectangle's corners below the 0 threshold).
 */
export function isExactRectangle(
  mask: Uint8Array,
  width: number,
  [x0, y0, x1, y1]: readonly number[],
  isCornerRounded = false,
): boolean {
  const height = mask.length / width
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const isCorner = (x === x0 || x === x1 - 1) && (y === y0 || y === y1 - 1)
      const inside = x >= x0 && x < x1 && y >= y0 && y < y1 && !(isCornerRounded && isCorner)
      if (mask[y * width + x] !== (inside ? 1 : 0)) return false
    }
  }
  return true
}
