import { z } from 'zod'
import { perceptionSettingsSchema } from './perceptionSettings'

/**
 * What crosses the Redis boundary between `spatial-lens synth --queue` (the submitter), the
 * `spatial-lens worker` processes and `synth --status`. Every worker validates a job's data before
 * running it, and the submitter validates what it reads back, so a queue written by another
 * version (or by hand) gives a clear error, never a half-run job.
 */

/** A stable job id: lower-case hex (BullMQ ids may not contain ':' and must not look like integers). */
export const fleetJobIdSchema = z
  .string()
  .regex(/^j[0-9a-f]{8,64}$/, 'a fleet job id is "j" followed by 8-64 lower-case hex digits')

/** An absolute path on storage every worker sees (NFS or similar): workers open it as given. */
const sharedPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p),
    'paths in fleet jobs must be absolute',
  )

/** A path relative to its input root, '/' separated, never leaving the root. */
const relativePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (p) => !p.startsWith('/') && !p.split('/').includes('..'),
    'input paths in a job are relative to their root',
  )

/** One frame to synthesize: the local plan's job (main/synth/plan.ts `SynthJob`), as it crosses Redis. */
export const fleetFrameJobSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
    inputIndex: z.number().int().min(0),
    name: z.string().min(1).max(4096),
    input: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('rgbd'),
          color: relativePathSchema,
          depth: relativePathSchema,
          intrinsics: relativePathSchema,
        })
        .strict(),
      z
        .object({
          kind: z.literal('color'),
          color: relativePathSchema,
          intrinsics: relativePathSchema,
        })
        .strict(),
      z.object({ kind: z.literal('pcd'), pcd: relativePathSchema }).strict(),
      /** One colour frame of a recording (main/synth/plan.ts), times as decimal nanoseconds. */
      z
        .object({
          kind: z.literal('mcap'),
          mcap: relativePathSchema,
          colorTopic: z.string().min(1).max(1000),
          depthTopic: z.string().max(1000),
          cameraInfoTopic: z.string().max(1000),
          frameIndex: z.number().int().min(0),
          logTimeNs: z.string().regex(/^\d{1,20}$/),
          stampNs: z.string().regex(/^\d{1,20}$/),
        })
        .strict(),
    ]),
  })
  .strict()

/** The run's configuration (main/synth/runJob.ts `JobConfig`) with shared, absolute folders. */
export const fleetJobConfigSchema = z
  .object({
    /** The dataset folder; every worker writes its shards there. */
    outDir: sharedPathSchema,
    /** The input folders, `inputIndex` into this list. */
    roots: z.array(sharedPathSchema).min(1).max(10_000),
    seed: z.number().int().min(0),
    filters: z
      .object({
        minPoints: z.number().int().min(0),
        requirePlane: z.boolean(),
        minObjects: z.number().int().min(0),
        maxPairs: z.number().int().min(1),
      })
      .strict(),
    perception: perceptionSettingsSchema,
    withPoints: z.boolean(),
  })
  .strict()

/** A unit of fleet work: a batch of the plan's frames and the run's configuration. */
export const fleetJobDataSchema = z
  .object({
    /** Version of this layout; a worker refuses a job it does not understand. */
    version: z.literal(1),
    id: fleetJobIdSchema,
    frames: z.array(fleetFrameJobSchema).min(1).max(10_000),
    config: fleetJobConfigSchema,
  })
  .strict()
  .superRefine((job, context) => {
    for (const frame of job.frames) {
      if (frame.inputIndex >= job.config.roots.length) {
        context.addIssue({
          code: 'custom',
          message: `frame ${frame.id} names input root ${frame.inputIndex}, beyond the job's roots`,
        })
      }
    }
  })
export type FleetJobData = z.infer<typeof fleetJobDataSchema>

/** What a worker returns for a finished job (kept by BullMQ; per-worker rates come from it). */
export const fleetJobResultSchema = z
  .object({
    frames: z.number().int().min(0),
    /** Frames run now. */
    ran: z.number().int().min(0),
    /** Frames whose shard existed already (done before: not run again, not written twice). */
    skipped: z.number().int().min(0),
    samples: z.number().int().min(0),
    worker: z.string().min(1).max(200),
    ms: z.number().min(0),
  })
  .strict()
export type FleetJobResult = z.infer<typeof fleetJobResultSchema>

const countSchema = z.number().int().min(0)

/** `spatial-lens synth --status --json`: the queue seen from anywhere in the fleet. */
export const fleetStatusSchema = z
  .object({
    queue: z.string(),
    counts: z
      .object({
        waiting: countSchema,
        active: countSchema,
        delayed: countSchema,
        completed: countSchema,
        failed: countSchema,
      })
      .strict(),
    /** Workers connected now (BullMQ client names: host:pid). */
    workersOnline: z.array(z.string()),
    /** Per worker over the completed jobs kept by the queue (newest `sampledJobs`). */
    workers: z.array(
      z
        .object({
          worker: z.string(),
          jobs: countSchema,
          frames: countSchema,
          samples: countSchema,
          /** Frames per second of job time (frames run / job run time). */
          framesPerSecond: z.number().min(0),
        })
        .strict(),
    ),
    sampledJobs: countSchema,
    failedJobs: z.array(
      z
        .object({
          id: z.string(),
          reason: z.string(),
          attemptsMade: countSchema,
          finishedOn: z.number().nullable(),
        })
        .strict(),
    ),
  })
  .strict()
export type FleetStatus = z.infer<typeof fleetStatusSchema>
