import { z } from 'zod'
import { verificationSchema, verifyInputSchema } from './verifySchema'
import {
  calibrationListSchema,
  calibrationRemoveInputSchema,
  calibrationRunInputSchema,
  calibrationRunResultSchema,
} from './calibrationChannelSchema'
import {
  checkIntrinsicsRanges,
  depthScaleSchema,
  finite,
  intrinsicsFieldsSchema,
} from './primitives'
import { sceneCloudSchema, sceneImageSchema, sceneSummarySchema } from './sceneSchema'
import { answerSchema } from './answerSchema'
import {
  measureInputSchema,
  measurementSchema,
  pointAtInputSchema,
  pointAtOutputSchema,
} from './measureSchema'
import { reasonInputSchema, reasoningResultSchema } from './reasoningSchema'
import {
  downloadReportSchema,
  modelIdInputSchema,
  modelListSchema,
  removeReportSchema,
  verifyReportSchema,
} from './modelsSchema'
import { modelStatusJsonSchema } from './modelsCliSchema'
import {
  appSettingsSchema,
  llmTestInputSchema,
  llmTestResultSchema,
  settingsUpdateSchema,
} from './settingsSchema'
import {
  exportFormatSchema,
  logExportSchema,
  measurementInputSchema,
  measurementListSchema,
  measurementRecordSchema,
} from './measurementSchema'
import type { ChannelName } from './channelNames'
import { sourceChannels } from './sourceSchema'
import { rawFrameInputSchema } from './rawFrameSchema'
import {
  perceptionReportSchema,
  perceptionSettingsSchema,
  perceptionStepSchema,
} from './perceptionSettings'

/** Regions one `scene:analyze` may carry (each is lifted and segmented on its own). */
export const MAX_REGIONS = 256
/** Region coordinates are pixels: anything beyond this magnitude is not a place in any image. */
const MAX_REGION_COORDINATE_PX = 1_000_000
const regionCoordinate = finite.min(-MAX_REGION_COORDINATE_PX).max(MAX_REGION_COORDINATE_PX)
const regionLabel = z.string().trim().min(1).max(200)

/** A user region: pixels, 0-based. A mask travels as the bytes of a PNG the size of the image. */
export const regionInputSchema = z.union([
  z
    .object({
      label: regionLabel,
      box: z.tuple([regionCoordinate, regionCoordinate, regionCoordinate, regionCoordinate]),
    })
    .strict(),
  z.object({ label: regionLabel, point: z.tuple([regionCoordinate, regionCoordinate]) }).strict(),
  z.object({ label: regionLabel, maskPng: z.instanceof(Uint8Array) }).strict(),
])

/** The regions of one request: at most {@link MAX_REGIONS}. */
export const regionListSchema = z.array(regionInputSchema).max(MAX_REGIONS)
export type RegionInput = z.infer<typeof regionInputSchema>

export const intrinsicsInputSchema = intrinsicsFieldsSchema
  .extend({ depthScale: depthScaleSchema.optional() })
  .superRefine(checkIntrinsicsRanges)

/** A frame given as file bytes (decoded on the Node side): RGB-D images, or an organized PCD. */
export const frameInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('rgbd'),
      /** The frame's name: the colour file's name for a picked file (messages about the colour image name it). */
      name: z.string().max(500).default('uploaded frame'),
      colorFile: z.instanceof(Uint8Array),
      /** Omit for a colour-only frame: depth then comes from the installed depth model. */
      depthFile: z.instanceof(Uint8Array).optional(),
      /** The depth file's own name, so a message about the depth image names that file (not the colour one). */
      depthName: z.string().min(1).max(500).optional(),
      /** The intrinsics file's own name, for messages about the intrinsics. */
      intrinsicsName: z.string().min(1).max(500).optional(),
      intrinsics: intrinsicsInputSchema,
      depthScale: depthScaleSchema.optional(),
      /** Which camera took it, for depth calibrations (stable across a sequence or a live camera); default the name. */
      cameraId: z.string().trim().min(1).max(200).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('pcd'),
      name: z.string().max(500).default('uploaded cloud'),
      pcdFile: z.instanceof(Uint8Array),
    })
    .strict(),
  z.object({ kind: z.literal('sample') }).strict(),
  rawFrameInputSchema,
])
export type FrameInput = z.infer<typeof frameInputSchema>

export const sceneResultSchema = z.object({
  summary: sceneSummarySchema,
  cloud: sceneCloudSchema,
  image: sceneImageSchema,
})
export type SceneResult = z.infer<typeof sceneResultSchema>

/** A colour image (PNG or JPEG bytes, e.g. one webcam frame) for 2D detection only: no depth, no scene. */
export const detect2dInputSchema = z
  .object({
    image: z.instanceof(Uint8Array),
    name: z.string().max(500).default('camera frame'),
    perception: perceptionSettingsSchema.optional(),
  })
  .strict()

/**
 * 2D detections in pixels of the given image (0-based [x0, y0, x1, y1], best first, every score the
 * detector kept: the app filters by its minimum score), and the step that ran (null: detector 'none').
 */
export const detect2dResultSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  detections: perceptionReportSchema.shape.detections,
  step: perceptionStepSchema.nullable(),
})
export type Detect2dResult = z.infer<typeof detect2dResultSchema>

/** The hosts of the service: the desktop app, `serve` (browser UI over WebSocket) and the one-shot CLI. */
export const serviceHostSchema = z.enum(['electron', 'serve', 'cli'])
export type ServiceHost = z.infer<typeof serviceHostSchema>

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: serviceHostSchema,
  sampleName: z.string(),
})

/**
 * Every message that crosses a process boundary: channel → input and output schemas.
 * Names are `domain:verb`. The receiver parses; the preload and the WebSocket client are built by
 * iterating this object, so no channel name is written twice.
 */
export const contract = {
  'app:info': { input: z.object({}).strict(), output: appInfoSchema },
  'scene:analyze': {
    input: z
      .object({
        frame: frameInputSchema,
        regions: regionListSchema.default([]),
        perception: perceptionSettingsSchema.optional(),
      })
      .strict(),
    output: sceneResultSchema,
  },
  'qa:ask': {
    input: z
      .object({ sceneId: z.string().min(1), question: z.string().trim().min(1).max(500) })
      .strict(),
    output: answerSchema,
  },
  /** SpatialEnsemble's verdict on a statement about the scene ("the mug is left of the laptop"). */
  'qa:verify': { input: verifyInputSchema, output: verificationSchema },
  'scene:pointAt': { input: pointAtInputSchema, output: pointAtOutputSchema },
  'scene:measure': { input: measureInputSchema, output: measurementSchema },
  /** The chain-of-thought answer (the configured LLM and the spatial tools; templates without one). */
  'qa:reason': { input: reasonInputSchema, output: reasoningResultSchema },
  'qa:cancel': {
    input: z.object({ requestId: z.string().min(1).max(100) }).strict(),
    output: z.object({ isCancelled: z.boolean() }),
  },
  'settings:get': { input: z.object({}).strict(), output: appSettingsSchema },
  'settings:update': { input: settingsUpdateSchema, output: appSettingsSchema },
  'llm:test': { input: llmTestInputSchema, output: llmTestResultSchema },
  'models:list': { input: z.object({}).strict(), output: modelListSchema },
  /** Every manifest field of one model with its files' state and lock records (`models info`). */
  'models:info': { input: modelIdInputSchema, output: modelStatusJsonSchema },
  /** Resolves when the download ends; progress streams as `models:progress` events. */
  'models:download': { input: modelIdInputSchema, output: downloadReportSchema },
  'models:cancel': { input: modelIdInputSchema, output: z.object({ isCancelled: z.boolean() }) },
  'models:verify': { input: modelIdInputSchema, output: verifyReportSchema },
  'models:remove': { input: modelIdInputSchema, output: removeReportSchema },
  /** The measurement log: answers are added by qa:ask itself; the viewer adds measurements. */
  'log:add': { input: measurementInputSchema, output: measurementRecordSchema },
  'log:list': { input: z.object({}).strict(), output: measurementListSchema },
  'log:clear': {
    input: z.object({}).strict(),
    output: z.object({ removedCount: z.number().int().nonnegative() }),
  },
  'log:export': {
    input: z.object({ format: exportFormatSchema }).strict(),
    output: logExportSchema,
  },
  'perception:detect2d': { input: detect2dInputSchema, output: detect2dResultSchema },
  'calibration:list': { input: z.object({}).strict(), output: calibrationListSchema },
  /** Fits the chosen depth model to metres for the scene's camera and saves it (the scene worker runs the model). */
  'calibration:run': { input: calibrationRunInputSchema, output: calibrationRunResultSchema },
  'calibration:remove': {
    input: calibrationRemoveInputSchema,
    output: z.object({ isRemoved: z.boolean() }),
  },
  /** Robot sources (MCAP recordings, rosbridge): see sourceSchema.ts. */
  ...sourceChannels,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>
export const channels = Object.keys(contract) as Channel[]

// Compile-time check: the preload's plain list of names is exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesMatchContract: Same<ChannelName, Channel> = true
void namesMatchContract

/**
 * Error reply for any channel: one user-facing line, plus the field path for validation errors and,
 * for failures an app reacts to on its own, a stable code (see {@link ERROR_CODES}).
 */
export const errorReplySchema = z.object({
  message: z.string(),
  field: z.string().optional(),
  code: z.string().optional(),
})

/** Codes of errors the app handles by itself instead of only showing them. */
export const ERROR_CODES = {
  /** A colour-only frame and no depth model to predict its depth (the message names the download command). */
  depthModelMissing: 'DEPTH_MODEL_MISSING',
} as const
export type ErrorReply = z.infer<typeof errorReplySchema>

/** Turns a zod failure into one line that names the field (an unexpected field names itself). */
export function describeValidationError(channel: string, error: z.ZodError): ErrorReply {
  const issue = error.issues[0]
  const path = issue?.path.map(String) ?? []
  if (issue?.code === 'unrecognized_keys') {
    const field = [...path, issue.keys[0]].join('.')
    return { message: `${channel}: unexpected field ${field} (${issue.message})`, field }
  }
  const field = path.join('.') || undefined
  return {
    message: `${channel}: invalid ${field ?? 'message'}: ${issue?.message ?? 'malformed'}`,
    field,
  }
}
