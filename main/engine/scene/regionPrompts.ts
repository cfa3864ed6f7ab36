import type { RegionPrompt } from '../types'
import { SceneInputError } from '../errors'

/** Describes a region for messages: `region 2 ("mug")`. */
export function regionName(region: RegionPrompt, index: number): string {
  return `region ${index + 1} ("${region.label}")`
}

/** Rejects regions that do not fit the image, with a message naming the region and the image size. */
export function validateRegions(regions: RegionPrompt[], width: number, height: number): void {
  regions.forEach((region, index) => {
    const name = regionName(region, index)
    if (typeof region.label !== 'string' || region.label.trim() === '') {
      throw new SceneInputError(`${name}: the label is empty`)
    }
    if ('box' in region) {
      const [x0, y0, x1, y1] = region.box
      if (![x0, y0, x1, y1].every(Number.isFinite))
        throw new SceneInputError(`${name}: box has a non-number`)
      if (x0 < 0 || y0 < 0 || x1 > width || y1 > height) {
        throw new SceneInputError(
          `${name}: box [${region.box.join(', ')}] is outside the ${width}×${height} image`,
        )
      }
      if (x1 - x0 < 1 || y1 - y0 < 1) {
        throw new SceneInputError(
          `${name}: box [${region.box.join(', ')}] is empty (need x0 < x1 and y0 < y1)`,
        )
      }
    } else if ('point' in region) {
      const [u, v] = region.point
      if (!(u >= 0 && v >= 0 && u < width && v < height)) {
        throw new SceneInputError(
          `${name}: point [${region.point.join(', ')}] is outside the ${width}×${height} image`,
        )
      }
    } else if ('mask' in region) {
      if (region.maskWidth !== width || region.maskHeight !== height) {
        throw new SceneInputError(
          `${name}: mask is ${region.maskWidth}×${region.maskHeight} but the image is ${width}×${height}`,
        )
      }
    } else {
      throw new SceneInputError(`${name}: give a box, a point or a mask`)
    }
  })
}

/** Pixel indices inside an inclusive-exclusive box, with a weight that peaks at the box centre. */
export function boxPixelWeights(
  box: [number, number, number, number],
  width: number,
): { pixels: Uint32Array; weights: Float32Array } {
  const x0 = Math.max(0, Math.floor(box[0]))
  const y0 = Math.max(0, Math.floor(box[1]))
  const x1 = Math.ceil(box[2])
  const y1 = Math.ceil(box[3])
  const count = (x1 - x0) * (y1 - y0)
  const pixels = new Uint32Array(count)
  const weights = new Float32Array(count)
  const cu = (box[0] + box[2]) / 2
  const cv = (box[1] + box[3]) / 2
  const halfW = Math.max(1, (box[2] - box[0]) / 2)
  const halfH = Math.max(1, (box[3] - box[1]) / 2)
  let k = 0
  for (let v = y0; v < y1; v++) {
    for (let u = x0; u < x1; u++) {
      pixels[k] = v * width + u
      // Tent weight: the object a person boxes sits in the middle; background fills the corners.
      weights[k] =
        Math.max(0, 1 - Math.abs(u - cu) / halfW) * Math.max(0, 1 - Math.abs(v - cv) / halfH)
      k++
    }
  }
  return { pixels, weights }
}
