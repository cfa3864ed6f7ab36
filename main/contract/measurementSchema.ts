import { z } from 'zod'
import { answerProvenanceSchema } from './answerSchema'
import { finite, vec3Schema } from './primitives'
import { reasoningStepSchema, stopReasonSchema } from './reasoningSchema'

/**
 * One entry of the measurement log: an answered question (`kind: 'answer'`, added by `qa:ask`),
 * a measurement the user made in the viewer (`kind: 'measurement'`, added by `log:add`) or a verified
 * statement (`kind: 'verdict'`, added by `qa:verify`). The same
 * record is stored (JSON Lines), listed, and exported (CSV, JSON Lines, MCAP).
 */
export const measurementRecordSchema = z
  .object({
    id: z.string().min(1),
    /** When it was measured, ISO 8601 UTC. */
    timeIso: z.iso.datetime(),
    /** The frame it was measured on: the scene id of the session and the frame's name. */
    frame: z.object({ sceneId: z.string().min(1), name: z.string() }),
    kind: z.enum(['answer', 'measurement', 'verdict']),
    /** The question, or what was measured ("left mug ↔ laptop"). */
    text: z.string(),
    /** Names of the objects involved. */
    objects: z.array(z.string()),
    /** The number and its unit ('m' for lengths, 'm3', 'clock'); null for yes/no and name answers. */
    value: z.object({ number: finite, unit: z.string().min(1) }).nullable(),
    /** The answer as the user read it. */
    answer: z.string(),
    /** What the value rests on; null when the scene was no longer known to the service. */
    provenance: answerProvenanceSchema.nullable(),
    /** Ends of a distance, world frame (z up), metres. */
    fromInWorldM: vec3Schema.optional(),
    toInWorldM: vec3Schema.optional(),
    /** For a verified statement (`qa:verify`): SpatialEnsemble's verdict, its confidence and each vote. */
    verdict: z
      .object({
        value: z.enum(['true', 'false', 'abstain']),
        confidence: finite,
        votes: z.array(
          z.object({
            voterId: z.string(),
            verdict: z.enum(['true', 'false', 'abstain']),
            weight: finite,
            reason: z.string(),
          }),
        ),
      })
      .optional(),
    /** For an answer from the LLM: its chain of thought, kept with the answer for export. */
    reasoning: z
      .object({
        llm: z.string().nullable(),
        stopReason: stopReasonSchema,
        steps: z.array(reasoningStepSchema),
      })
      .optional(),
  })
  .strict()
export type MeasurementRecord = z.infer<typeof measurementRecordSchema>

/** `log:add`: a measurement made in the viewer (a length in metres, optionally with its ends). */
export const measurementInputSchema = z
  .object({
    sceneId: z.string().min(1),
    text: z.string().trim().min(1).max(500),
    objects: z.array(z.string().max(200)).max(16).default([]),
    valueM: finite.nonnegative(),
    fromInWorldM: vec3Schema.optional(),
    toInWorldM: vec3Schema.optional(),
  })
  .strict()
  .refine((input) => (input.fromInWorldM === undefined) === (input.toInWorldM === undefined), {
    message: 'give both ends (fromInWorldM and toInWorldM) or neither',
    path: ['toInWorldM'],
  })
export type MeasurementInput = z.input<typeof measurementInputSchema>

export const measurementListSchema = z.object({
  records: z.array(measurementRecordSchema),
  /** Lines that could not be read (kept in the file, skipped here) and records not saved yet. */
  warnings: z.array(z.string()),
  /** Where the log is stored on the service's machine. */
  location: z.string(),
})
export type MeasurementList = z.infer<typeof measurementListSchema>

export const exportFormatSchema = z.enum(['csv', 'jsonl', 'mcap'])
export type ExportFormat = z.infer<typeof exportFormatSchema>

/** An export file, ready to save or download. */
export const exportFileSchema = z.object({
  fileName: z.string().min(1),
  mimeType: z.string().min(1),
  bytes: z.instanceof(Uint8Array),
})
export type ExportFile = z.infer<typeof exportFileSchema>

/** The `log:export` reply: the file and how many records it holds (read in the same pass). */
export const logExportSchema = exportFileSchema.extend({
  recordCount: z.number().int().nonnegative(),
})
