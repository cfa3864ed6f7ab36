/**
 * Messages between InferencePool (main thread) and inference.worker (worker thread). Both sides parse
 * what they receive with these schemas; typed arrays travel as transferables.
 */
import { z } from 'zod'
import { tensorDataProblem } from './signature'
import type { TensorData } from './types'
import { executionProviderSchema as providerSchema } from '../contract/providerSchema'

export const tensorDataSchema = z
  .object({
    type: z.enum(['float32', 'int64', 'int32', 'uint8', 'bool']),
    dims: z.array(z.number().int().nonnegative()),
    data: z.custom<TensorData['data']>(
      (v) =>
        v instanceof Float32Array ||
        v instanceof BigInt64Array ||
        v instanceof Int32Array ||
        v instanceof Uint8Array,
      { message: 'expected a Float32Array, BigInt64Array, Int32Array or Uint8Array' },
    ),
  })
  .superRefine((tensor, ctx) => {
    const problem = tensorDataProblem('tensor', tensor)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

const tensorsSchema = z.record(z.string(), tensorDataSchema)

const tensorSpecSchema = z.object({
  name: z.string(),
  type: z.string(),
  dims: z.array(z.union([z.number(), z.string()])),
})

export const signatureSchema = z.object({
  inputs: z.array(tensorSpecSchema),
  outputs: z.array(tensorSpecSchema),
})

/** Options a worker is started with (workerData). */
export const workerSettingsSchema = z.object({
  intraOpNumThreads: z.number().int().nonnegative().optional(),
})
export type WorkerSettings = z.infer<typeof workerSettingsSchema>

export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    id: z.number().int(),
    modelPath: z.string().min(1),
    inputs: tensorsSchema,
    providers: z.array(providerSchema).optional(),
  }),
  z.object({ type: z.literal('describe'), id: z.number().int(), modelPath: z.string().min(1) }),
  z.object({ type: z.literal('dispose'), id: z.number().int() }),
])
export type WorkerRequest = z.infer<typeof workerRequestSchema>

const modelErrorDataSchema = z.object({
  kind: z.enum(['missing', 'corrupt', 'signature', 'input', 'provider', 'runtime']),
  problem: z.string(),
  fix: z.string(),
  modelPath: z.string().optional(),
  detail: z.string().optional(),
})

export const workerReplySchema = z.union([
  z.object({
    type: z.literal('run'),
    id: z.number().int(),
    ok: z.literal(true),
    result: z.object({
      outputs: tensorsSchema,
      provider: providerSchema,
      inferenceMs: z.number().nonnegative(),
      fallbackNotice: z.string().optional(),
    }),
  }),
  z.object({
    type: z.literal('describe'),
    id: z.number().int(),
    ok: z.literal(true),
    signature: signatureSchema,
  }),
  z.object({ type: z.literal('dispose'), id: z.number().int(), ok: z.literal(true) }),
  z.object({
    id: z.number().int(),
    ok: z.literal(false),
    /** A ModelError's data, or the first line of any other error. */
    error: z.object({ modelError: modelErrorDataSchema.optional(), message: z.string() }),
  }),
])
export type WorkerReply = z.infer<typeof workerReplySchema>
export type WorkerSuccessReply = Extract<WorkerReply, { ok: true }>

/** Buffers to transfer for these tensors: whole, unshared, not yet listed (a buffer may back several). */
export function transferList(tensors: Iterable<{ data: ArrayBufferView }>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  for (const { data } of tensors) {
    if (
      data.buffer instanceof ArrayBuffer &&
      data.byteOffset === 0 &&
      data.byteLength === data.buffer.byteLength
    ) {
      buffers.add(data.buffer)
    }
  }
  return [...buffers]
}
