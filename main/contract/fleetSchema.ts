import { z } from 'zod'

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
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'paths in fleet jobs must be absolute')

/** One input frame: colour + depth + intrinsics files (RGB-D), or an organized PCD cloud. */
export const fleetFrameRefSchema = z.union([
  z.object({ kind: z.literal('rgbd'), rgb: sharedPathSchema, depth: sharedPathSchema, intrinsics: sharedPathSchema }).strict(),
  z.object({ kind: z.literal('pcd'), pcd: sharedPathSchema }).strict(),
])
export type FleetFrameRef = z.infer<typeof fleetFrameRefSchema>

/** A unit of work: a few frames, the run's configuration and where the shard goes. */
export const fleetJobDataSchema = z
  .object({
    /** Version of this layout; a worker refuses a job it does not understand. */
    version: z.literal(1),
    id: fleetJobIdSchema,
    inputs: z.array(fleetFrameRefSchema).min(1).max(10_000),
    /** The run's configuration (seed, filters…), opaque to the queue; part of the job id. */
    config: z.record(z.string(), z.unknown()),
    /** The output folder (shared storage); the shard is `<outDir>/shards/<id>.jsonl`. */
    outDir: sharedPathSchema,
  })
  .strict()
export type FleetJobData = z.infer<typeof fleetJobDataSchema>

/** What a worker returns for a finished job (kept by BullMQ; per-worker rates come from it). */
export const fleetJobResultSchema = z
  .object({
    shard: sharedPathSchema,
    /** True when the shard already existed: the job was done before (no work repeated). */
    skipped: z.boolean(),
    frames: z.number().int().min(0),
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
          /** Frames per second of job time (sum of frames / sum of job run time). */
          framesPerSecond: z.number().min(0),
        })
        .strict(),
    ),
    sampledJobs: countSchema,
    failedJobs: z.array(
      z.object({ id: z.string(), reason: z.string(), attemptsMade: countSchema, finishedOn: z.number().nullable() }).strict(),
    ),
  })
  .strict()
export type FleetStatus = z.infer<typeof fleetStatusSchema>
