import type { ExecutionProviderNameJson } from '../contract/providerSchema'
/**
 * Types of the inference seam. Only main/inference/ortRuntime.ts imports onnxruntime-node; every
 * other module speaks these plain types, so tensors never leak out as ORT objects.
 */

/** Execution providers we probe, in order of preference. */
export type ExecutionProviderName = 'cuda' | 'webgpu' | 'cpu'

// The contract's provider enum names exactly these (checked at compile time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const providersMatchContract: Same<ExecutionProviderName, ExecutionProviderNameJson> = true
void providersMatchContract

export type TensorType = 'float32' | 'int64' | 'int32' | 'uint8' | 'bool'

/** A tensor as plain data (row-major). int64 uses BigInt64Array. */
export interface TensorData {
  type: TensorType
  dims: number[]
  data: Float32Array | BigInt64Array | Int32Array | Uint8Array
}

export interface InferenceResult {
  outputs: Record<string, TensorData>
  /** The provider that actually ran the session (after probing and fallback). */
  provider: ExecutionProviderName
  /** Wall time of session.run, milliseconds (session creation excluded). */
  inferenceMs: number
}

export interface RunOptions {
  /** Providers to try in order; default: what the machine has (cuda → webgpu → cpu). */
  providers?: ExecutionProviderName[]
}

/**
 * Runs ONNX models. Sessions are created lazily per model file and kept until dispose().
 * Implementation: InlineModelRunner, on whichever thread calls it (a scene worker in the hosts).
 */
export interface ModelRunner {
  run(
    modelPath: string,
    inputs: Record<string, TensorData>,
    options?: RunOptions,
  ): Promise<InferenceResult>
  /** Input/output names, dims (−1 or a name for dynamic) and types of a model, without running it. */
  describe(modelPath: string): Promise<ModelSignature>
  dispose(): Promise<void>
}

export interface TensorSpec {
  name: string
  type: TensorType | string
  dims: (number | string)[]
}

export interface ModelSignature {
  inputs: TensorSpec[]
  outputs: TensorSpec[]
}
