import type { KeepAspectMethod } from './resizeRules'

/**
 * Published pre/post-processing constants of the supported depth models, with where each was read.
 * Colour values are on the 0–255 scale of the 8-bit image unless named otherwise.
 */

/**
 * Depth Anything V2 (DepthAnything/Depth-Anything-V2 `depth_anything_v2/dpt.py` `image2tensor`,
 * `metric_depth/depth_anything_v2/dpt.py`, `depth_anything_v2/util/transform.py`; the ONNX exports'
 * preprocessor_config.json agree: 518, multiple of 14, bicubic, ImageNet mean/std on 0–1 values).
 */
export const DEPTH_ANYTHING_V2 = {
  inputSize: 518,
  multipleOf: 14,
  resizeMethod: 'lower_bound' as KeepAspectMethod,
  /** ImageNet mean/std on the 0–1 scale (NormalizeImage after `image / 255`). */
  mean01: [0.485, 0.456, 0.406] as const,
  std01: [0.229, 0.224, 0.225] as const,
  /** `infer_image` upsamples the prediction with `F.interpolate(bilinear, align_corners=True)`. */
  outputAlignCorners: true,
  /** Metric heads end in a sigmoid × max_depth: 20 m (Hypersim, indoor), 80 m (Virtual KITTI 2, outdoor). */
  maxDepthM: { 'metric-indoor': 20, 'metric-outdoor': 80 } as const,
  /** ONNX exports (optimum / transformers.js, onnx-community/depth-anything-v2-*). */
  inputName: 'pixel_values',
  inputDims: ['batch_size', 3, 'height', 'width'] as (number | string)[],
  outputName: 'predicted_depth',
  outputDims: ['batch_size', 'height', 'width'] as (number | string)[],
}

/**
 * Metric3D v2, ViT models (YvanYin/Metric3D `hubconf.py` demo, `onnx/metric3d_onnx_export.py`,
 * `onnx/test.onnx.py`): keep-ratio resize into 616×1064 (H×W) with bilinear, centred padding with
 * the mean colour, normalisation inside the exported graph, canonical camera focal 1000 px,
 * `depth = canonical · fx_scaled / 1000` clamped to [0, 300] m.
 */
export const METRIC3D_V2 = {
  inputWidth: 1064,
  inputHeight: 616,
  mean: [123.675, 116.28, 103.53] as const,
  std: [58.395, 57.12, 57.375] as const,
  canonicalFocalPx: 1000,
  maxDepthM: 300,
  /** The demo upsamples with `F.interpolate(mode='bilinear')`: align_corners False. */
  outputAlignCorners: false,
  /** `onnx/metric3d_onnx_export.py`: `input_names=["image"]`, `output_names=["pred_depth"]`, static. */
  inputName: 'image',
  inputDims: [1, 3, 616, 1064] as (number | string)[],
  outputName: 'pred_depth',
  outputDims: [1, 1, 616, 1064] as (number | string)[],
}
