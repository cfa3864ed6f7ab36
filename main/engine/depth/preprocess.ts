import type { RgbImage } from '../types'
import type { FloatTensor, ResizeTransform } from '../perception/types'
import { DEPTH_ANYTHING_V2, METRIC3D_V2 } from './modelSpecs'
import { resizeRgbPlanar } from './resample'
import {
  halfPixelTransform,
  keepAspectMultipleSize,
  metric3dLayout,
  type KeepAspectMethod,
  type PaddedLayout,
} from './resizeRules'

/** A model input tensor and how the image maps into it. Buffers are new and owned by the caller. */
export interface DepthModelInput {
  /** [1, 3, H, W], NCHW row-major, float32. */
  tensor: FloatTensor
  /** `original = (model − pad) / scale` in pixel indices (half-pixel resize folded into pad). */
  transform: ResizeTransform
}

export interface DepthAnythingPreprocessOptions {
  /** Default 518. */
  inputSize?: number
  /** Default 14. */
  multipleOf?: number
  /** Default 'lower_bound' (the reference `infer_image`). */
  resizeMethod?: KeepAspectMethod
}

/**
 * Depth Anything V2 input: keep-aspect resize to multiples of 14 with at least 518 px per side
 * (bicubic, OpenCV), then `(value / 255 − mean) / std` with ImageNet statistics, RGB order.
 */
export function preprocessDepthAnything(
  rgb: RgbImage,
  options: DepthAnythingPreprocessOptions = {},
): DepthModelInput {
  const size = keepAspectMultipleSize(rgb.width, rgb.height, {
    target: options.inputSize ?? DEPTH_ANYTHING_V2.inputSize,
    multiple: options.multipleOf ?? DEPTH_ANYTHING_V2.multipleOf,
    method: options.resizeMethod ?? DEPTH_ANYTHING_V2.resizeMethod,
  })
  const planes = resizeRgbPlanar(rgb, size.width, size.height, 'cubic')
  const plane = size.width * size.height
  for (let c = 0; c < 3; c++) {
    const scale = 1 / (255 * DEPTH_ANYTHING_V2.std01[c])
    const offset = -DEPTH_ANYTHING_V2.mean01[c] / DEPTH_ANYTHING_V2.std01[c]
    for (let i = c * plane; i < (c + 1) * plane; i++) planes[i] = planes[i] * scale + offset
  }
  return {
    tensor: { data: planes, dims: [1, 3, size.height, size.width] },
    transform: halfPixelTransform(rgb.width, rgb.height, size.width, size.height, {
      left: 0,
      top: 0,
      inputWidth: size.width,
      inputHeight: size.height,
    }),
  }
}

export interface Metric3dInput extends DepthModelInput {
  layout: PaddedLayout
}

export interface Metric3dPreprocessOptions {
  /**
   * Apply `(value − mean) / std` here. Default false: the repository's ONNX export normalises
   * inside the graph and takes raw 0–255 RGB (padding = the mean colour either way).
   */
  normalize?: boolean
  /** Model input size; default 1064×616 (ViT models). */
  inputWidth?: number
  inputHeight?: number
}

/**
 * Metric3D v2 input: keep-ratio bilinear resize into 1064×616, centred padding with the mean
 * colour (so it normalises to 0), RGB order, NCHW.
 */
export function preprocessMetric3d(
  rgb: RgbImage,
  options: Metric3dPreprocessOptions = {},
): Metric3dInput {
  const layout = metric3dLayout(
    rgb.width,
    rgb.height,
    options.inputWidth ?? METRIC3D_V2.inputWidth,
    options.inputHeight ?? METRIC3D_V2.inputHeight,
  )
  const resized = resizeRgbPlanar(rgb, layout.resizedWidth, layout.resizedHeight, 'linear')
  const { inputWidth, inputHeight } = layout
  const plane = inputWidth * inputHeight
  const resizedPlane = layout.resizedWidth * layout.resizedHeight
  const data = new Float32Array(3 * plane)
  for (let c = 0; c < 3; c++) {
    const mean = METRIC3D_V2.mean[c]
    const scale = options.normalize ? 1 / METRIC3D_V2.std[c] : 1
    const offset = options.normalize ? -mean * scale : 0
    data.fill(mean * scale + offset, c * plane, (c + 1) * plane)
    for (let y = 0; y < layout.resizedHeight; y++) {
      const from = c * resizedPlane + y * layout.resizedWidth
      const to = c * plane + (y + layout.padTop) * inputWidth + layout.padLeft
      for (let x = 0; x < layout.resizedWidth; x++)
        data[to + x] = resized[from + x] * scale + offset
    }
  }
  return {
    tensor: { data, dims: [1, 3, inputHeight, inputWidth] },
    layout,
    transform: halfPixelTransform(
      rgb.width,
      rgb.height,
      layout.resizedWidth,
      layout.resizedHeight,
      {
        left: layout.padLeft,
        top: layout.padTop,
        inputWidth,
        inputHeight,
      },
    ),
  }
}
