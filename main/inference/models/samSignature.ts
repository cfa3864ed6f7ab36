import type { ModelSignature, TensorData } from '../types'
import { ModelError } from '../ModelError'
import type { SamDecoderCapabilities } from '../../engine/perception/samPrompts'
import type { SamCandidates } from '../../engine/perception/samMasks'

/** Outputs of the SAM vision encoder the decoder consumes. */
export const SAM_EMBEDDING_NAMES = ['image_embeddings', 'image_positional_embeddings'] as const

/** What the prompt-encoder/mask-decoder takes, read from its signature. */
export interface SamDecoderSpec extends SamDecoderCapabilities {
  inputNames: Set<string>
  labelType: 'int64' | 'int32'
}

/** Decoder capabilities from its signature; a ModelError when required inputs are missing. */
export function readDecoderSpec(modelPath: string, signature: ModelSignature): SamDecoderSpec {
  const byName = new Map(signature.inputs.map((spec) => [spec.name, spec]))
  const missing = ['input_points', 'input_labels', 'image_embeddings'].filter(
    (name) => !byName.has(name),
  )
  if (missing.length > 0) {
    const inputs = [...byName.keys()].join(', ')
    throw samSignatureError(modelPath, `lacks input(s) ${missing.join(', ')} (inputs: ${inputs})`)
  }
  const pointDim = byName.get('input_points')!.dims[2]
  return {
    inputNames: new Set(byName.keys()),
    acceptsBoxes: byName.has('input_boxes'),
    fixedPointCount: typeof pointDim === 'number' && pointDim > 0 ? pointDim : undefined,
    labelType: byName.get('input_labels')!.type === 'int32' ? 'int32' : 'int64',
  }
}

/** The encoder's embedding tensors by name; a ModelError naming a missing one. */
export function readEmbeddings(
  modelPath: string,
  outputs: Record<string, TensorData>,
): Record<string, TensorData> {
  const tensors: Record<string, TensorData> = {}
  for (const name of SAM_EMBEDDING_NAMES) {
    const tensor = outputs[name]
    if (!tensor) {
      const names = Object.keys(outputs).join(', ')
      throw samSignatureError(modelPath, `has no output ${name} (outputs: ${names})`)
    }
    tensors[name] = tensor
  }
  return tensors
}

/** `iou_scores` [1, 1, K] and `pred_masks` [1, 1, K, h, w] as candidates; a ModelError otherwise. */
export function readCandidates(
  modelPath: string,
  outputs: Record<string, TensorData>,
): SamCandidates {
  const iou = outputs.iou_scores
  const pred = outputs.pred_masks
  if (
    !iou ||
    !pred ||
    pred.dims.length !== 5 ||
    iou.type !== 'float32' ||
    pred.type !== 'float32'
  ) {
    const got = Object.entries(outputs)
      .map(([name, t]) => `${name} ${t.type} [${t.dims}]`)
      .join(', ')
    throw samSignatureError(
      modelPath,
      `expected iou_scores [1, 1, K] and pred_masks [1, 1, K, h, w] (float32), got ${got}`,
    )
  }
  const [, , candidates, maskHeight, maskWidth] = pred.dims
  return {
    logits: pred.data as Float32Array,
    scores: iou.data as Float32Array,
    candidates,
    maskWidth,
    maskHeight,
  }
}

/** `input_labels` [1, 1, N] in the dtype the decoder declares (int64 in the HF exports). */
export function labelTensor(labels: BigInt64Array, type: 'int64' | 'int32'): TensorData {
  const dims = [1, 1, labels.length]
  return type === 'int64'
    ? { type, dims, data: labels }
    : { type, dims, data: Int32Array.from(labels, Number) }
}

export function samSignatureError(modelPath: string, problem: string): ModelError {
  return new ModelError({
    kind: 'signature',
    problem: `SAM model ${modelPath} ${problem}`,
    fix:
      'use a SAM-family ONNX export split into vision_encoder and prompt_encoder_mask_decoder ' +
      '(Hugging Face SamModel layout)',
    modelPath,
  })
}
