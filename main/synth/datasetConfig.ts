/**
 * The exact configuration of a dataset, pinned in `<outDir>/config.json` by the first run into a folder and checked
 * by every later one: the local `spatial-lens synth` (runSynth.ts) and the fleet's submitter (`synth --queue`) both
 * go through {@link datasetConfig} and {@link pinDatasetConfig}, so either can resume or finish the other's dataset.
 * Needed because shards are named by frame, not by configuration: a resumed run would otherwise take a shard made
 * with another seed or filter for a finished frame.
 */

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../files/atomicWrite'
import { UserError } from '../app/userError'
import { perceptionSettingsSchema } from '../contract/perceptionSettings'
import type { FrameTopics } from '../sources/robot/frameSource'
import type { JobConfig } from './runJob'

/** How MCAP recordings are read: topics (picked per file when the colour topic is omitted), every N-th frame. */
export interface McapReadOptions {
  topics: Partial<FrameTopics>
  every: number
}

/** Recordings read with the topics picked per file, every frame. */
export const DEFAULT_MCAP: McapReadOptions = { topics: {}, every: 1 }

/** config.json: what decides a dataset's samples (not where it is written, nor how many threads ran it). */
export const datasetConfigSchema = z
  .object({
    seed: z.number().int().min(0),
    filters: z
      .object({
        minPoints: z.number().int().min(0),
        maxPairs: z.number().int().min(1),
        requirePlane: z.boolean(),
        minObjects: z.number().int().min(0),
      })
      .strict(),
    perception: perceptionSettingsSchema,
    withPoints: z.boolean(),
    /** The input roots, absolute (as the plan resolved them). */
    inputs: z.array(z.string()),
    /** Only with MCAP inputs (older datasets have no key): other topics would mix frames of two cameras. */
    mcap: z
      .object({
        topics: z
          .object({
            colorTopic: z.string().optional(),
            depthTopic: z.string().optional(),
            cameraInfoTopic: z.string().optional(),
          })
          .strict(),
        every: z.number().int().min(1),
      })
      .strict()
      .optional(),
  })
  .strict()
/** As written (perception settings as given, without the schema's defaults filled in: older files have none). */
export type DatasetConfig = z.input<typeof datasetConfigSchema>

/**
 * The pinned configuration, with a fixed key order (config.json is compared as text): filters in the order
 * minPoints, maxPairs, requirePlane, minObjects; `mcap` only when the plan reads recordings.
 */
export function datasetConfig(
  config: Pick<JobConfig, 'seed' | 'filters' | 'perception' | 'withPoints'>,
  roots: string[],
  mcap: McapReadOptions | null,
): DatasetConfig {
  const { minPoints, maxPairs, requirePlane, minObjects } = config.filters
  const topics = mcap?.topics ?? {}
  return {
    seed: config.seed,
    filters: { minPoints, maxPairs, requirePlane, minObjects },
    perception: config.perception,
    withPoints: config.withPoints,
    inputs: roots,
    ...(mcap
      ? {
          mcap: {
            topics: {
              colorTopic: topics.colorTopic,
              depthTopic: topics.depthTopic,
              cameraInfoTopic: topics.cameraInfoTopic,
            },
            every: mcap.every,
          },
        }
      : {}),
  }
}

/** config.json's text for a configuration (what is written and compared). */
export function datasetConfigText(config: DatasetConfig): string {
  return JSON.stringify(config, null, 2)
}

/**
 * Writes `<outDir>/config.json` (atomically) when the folder has none, or checks that the one there is the same.
 * @throws UserError when the folder holds a dataset made with another configuration (the file is left as it is).
 */
export async function pinDatasetConfig(outDir: string, config: DatasetConfig): Promise<void> {
  const path = join(outDir, 'config.json')
  const text = datasetConfigText(config)
  const existing = await readFile(path, 'utf8').catch(() => null)
  if (existing === null) return writeFileAtomic(path, text)
  if (existing !== text)
    throw new UserError(
      `synth: ${outDir} holds a dataset made with another configuration (${path}); ` +
        'run (or submit) with the same options, or choose a new --out folder',
    )
}
