import { z } from 'zod'
import { detect2dResultSchema } from '../../contract/channels'
import {
  analyzeTaskRequestSchema,
  calibrationFitRequestSchema,
  detect2dTaskRequestSchema,
  fittedCalibrationSchema,
  modelIdOrNullSchema,
  probabilityOrNullSchema,
  relationClassifyRequestSchema,
  sceneComputationSchema,
  visionAskRequestSchema,
  visionModelRequestSchema,
  vlmAnswerSchema,
} from './taskSchemas'

/**
 * The scene-worker boundary's one contract: task name → zod request and reply, like the app's
 * channels (main/contract/channels.ts). The host sends `{requestId, task, request}`; the worker
 * validates `request` against its task's schema before running it and answers
 * `{requestId, ok: true, result}` or `{requestId, ok: false, error}`; the host validates `result`
 * against the task's reply schema on receipt. Types on both sides come from this map, so a task
 * without a handler, or a handler answering the wrong shape, does not compile.
 */
export const workerTasks = {
  /** Decode → scene → summary + cloud + image. */
  analyze: { request: analyzeTaskRequestSchema, reply: sceneComputationSchema },
  /** Decode → 2D detections only (the live camera without a depth model). */
  detect2d: { request: detect2dTaskRequestSchema, reply: detect2dResultSchema },
  /** The installed vision-language model's id, or null. */
  'vision:model': { request: visionModelRequestSchema, reply: modelIdOrNullSchema },
  /** One question to it; cancellable (a `cancel` message stops decoding at its next step). */
  'vision:ask': { request: visionAskRequestSchema, reply: vlmAnswerSchema },
  /** P(caption holds) from the ViLT VSR classifier, null without it. */
  'relation:classify': { request: relationClassifyRequestSchema, reply: probabilityOrNullSchema },
  /** Runs a depth model on a kept frame and fits its output to metres (not saved). */
  'calibration:fit': { request: calibrationFitRequestSchema, reply: fittedCalibrationSchema },
} as const satisfies Record<string, { request: z.ZodType; reply: z.ZodType }>

export type WorkerTasks = typeof workerTasks
export type TaskName = keyof WorkerTasks
/** What a sender gives (before defaults). */
export type RequestOf<T extends TaskName> = z.input<WorkerTasks[T]['request']>
/** What the worker's handler receives (validated, defaults applied). */
export type ParsedRequestOf<T extends TaskName> = z.output<WorkerTasks[T]['request']>
/** What the host receives (validated). */
export type ReplyOf<T extends TaskName> = z.output<WorkerTasks[T]['reply']>

export const taskNames = Object.keys(workerTasks) as [TaskName, ...TaskName[]]

const requestId = z.number().int().nonnegative()

/** Host → worker: one task (its `request` is checked against the task's schema next). */
export const taskMessageSchema = z.object({
  requestId,
  task: z.enum(taskNames),
  request: z.unknown(),
})

/** Host → worker: stop decoding request `target` (vision); no reply. */
export const cancelMessageSchema = z.object({
  requestId,
  task: z.literal('cancel'),
  target: requestId,
})

export const hostMessageSchema = z.discriminatedUnion('task', [
  cancelMessageSchema,
  taskMessageSchema,
])
export type HostMessage = z.infer<typeof hostMessageSchema>

/**
 * Which error class a failure was, so the host rebuilds the same class (main/workers/workerErrors):
 * `internal` is a bug or a library failure (shown as unexpected), every other kind the user's input.
 */
export const workerErrorKinds = [
  'internal',
  'user',
  'source',
  'scene-input',
  'calibration-input',
  'model',
] as const

/** A failure as it crosses: one line, the class, and an app's stable code (ERROR_CODES) when it has one. */
export const workerErrorSchema = z.object({
  kind: z.enum(workerErrorKinds),
  message: z.string(),
  code: z.string().optional(),
  /** A model error's parts (ModelErrorData), so the host's ModelError says the same. */
  model: z
    .object({
      kind: z.enum(['missing', 'corrupt', 'signature', 'input', 'provider', 'runtime']),
      problem: z.string(),
      fix: z.string(),
      modelPath: z.string().optional(),
      detail: z.string().optional(),
    })
    .optional(),
})
export type WorkerError = z.infer<typeof workerErrorSchema>

/** Worker → host: the reply to one task; `result` is checked against the task's reply schema next. */
export const replyMessageSchema = z.discriminatedUnion('ok', [
  z.object({ requestId, ok: z.literal(true), result: z.unknown() }),
  z.object({ requestId, ok: z.literal(false), error: workerErrorSchema }),
])
export type ReplyMessage = z.infer<typeof replyMessageSchema>
