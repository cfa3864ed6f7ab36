/**
 * The dataset `spatial-lens synth` writes: one sample per JSONL line in the LLaVA / ShareGPT conversation form,
 * with the answer as a number with its unit, the scene it came from (metric scale stated), and the manifest.
 * Every field has one JSON type on every line (nulls where a field does not apply), so the Hugging Face `datasets`
 * JSON loader reads the shards as they are. Lengths in metres, world frame z up (see main/engine/types.ts).
 */

import { z } from 'zod'

const vec3 = z.tuple([z.number(), z.number(), z.number()])

export const synthObjectSchema = z.object({
  name: z.string(),
  label: z.string(),
  /** Box centre, world frame (gravity-aligned, z up), metres. */
  center_world_m: vec3,
  /** The same centre in the camera frame (OpenCV: x right, y down, z forward), metres. */
  center_camera_m: vec3,
  /** Box extents, metres (width along the yawed axis, depth across, height along world z). */
  size_m: z.object({ width: z.number(), depth: z.number(), height: z.number() }),
  yaw_rad: z.number(),
  point_count: z.number().int(),
  /** Mean colour of the object's points, 0–255 (names may use it: "blue box"). */
  color_rgb: vec3,
  origin: z.enum(['region', 'cluster']),
})

export const synthSceneSchema = z.object({
  /** Always "metre": every length in the sample (answers, boxes, plane offset) is in metres. */
  metric_scale: z.literal('metre'),
  depth_source: z.enum(['sensor', 'pointcloud', 'monocular']),
  frame_kind: z.enum(['support-plane', 'camera-fallback']),
  intrinsics: z.object({
    width: z.number(),
    height: z.number(),
    fx: z.number(),
    fy: z.number(),
    cx: z.number(),
    cy: z.number(),
  }),
  /**
   * Support plane n·p + d = 0 in the camera frame (OpenCV), unit normal up. Always an object: without a plane
   * `found` is false and normal/offset are zeros (a null in every row of a planeless frame's shard would make
   * Arrow type the column null there, and the Hugging Face loader then fails on the other shards). Datasets
   * written before `found` have no such key (a plane) or null (none): use {@link storedPlane}.
   */
  plane: z
    .object({ found: z.boolean().default(true), normal: vec3, offset: z.number() })
    .nullable(),
  /** 4×4 world-from-camera, column-major. */
  world_from_camera: z.array(z.number()).length(16),
  objects: z.array(synthObjectSchema),
})

export const synthAnswerSchema = z.object({
  /** Metres for lengths, m³ for volumes, clock hour, or a count; null for yes/no and name answers. */
  number: z.number().nullable(),
  bool: z.boolean().nullable(),
  /** Object name(s) for choice / superlative answers; null otherwise. */
  name: z.string().nullable(),
  unit: z.enum(['m', 'm3', 'clock', 'bool', 'name', 'count', 'names']),
  /** The human-style answer ("about 40 cm"), SpatialVLM-like rounding. */
  human: z.string(),
  /** The engine's exact answer text (what `qa:ask` prints). */
  engine_text: z.string(),
})

export const synthSampleSchema = z.object({
  id: z.string(),
  /** Image path relative to the dataset folder (a copy of the frame's colour image). */
  image: z.string(),
  conversations: z.tuple([
    z.object({ from: z.literal('human'), value: z.string().startsWith('<image>\n') }),
    z.object({ from: z.literal('gpt'), value: z.string() }),
  ]),
  question_type: z.string(),
  /** 'qualitative' (yes/no, choice) or 'quantitative' (a number). */
  category: z.enum(['qualitative', 'quantitative']),
  answer: synthAnswerSchema,
  /** Names of the objects the question is about, in question order. */
  objects: z.array(z.string()),
  /** Id of the sample with the same measurement in the other order ("" when the type has no order). */
  mirror_id: z.string(),
  job_id: z.string(),
  /** The source frame, relative to its input folder. */
  frame: z.string(),
  /** Object point clouds sidecar (with --with-points), relative to the dataset folder; "" without. */
  points: z.string(),
  scene: synthSceneSchema,
})

export type SynthSample = z.infer<typeof synthSampleSchema>
export type SynthScene = z.infer<typeof synthSceneSchema>

/** The sample's support plane (camera frame, metres), or null when its frame had none. */
export function storedPlane(
  scene: Pick<SynthScene, 'plane'>,
): { normal: [number, number, number]; offset: number } | null {
  const plane = scene.plane
  return plane && plane.found ? { normal: [...plane.normal], offset: plane.offset } : null
}

/**
 * The object point clouds of one frame (`points/<job>.json`, written with --with-points): per object of the kept
 * scene, its points in the world frame, metres, xyz interleaved (at most 4000 per object).
 */
export const synthPointsSchema = z.object({
  frame: z.literal('world'),
  unit: z.literal('metre'),
  objects: z.array(
    z.object({
      name: z.string(),
      points: z.array(z.number()).refine((xyz) => xyz.length % 3 === 0, 'xyz triples'),
    }),
  ),
})
export type SynthPoints = z.infer<typeof synthPointsSchema>

/** Counts of one run (summed over shards). */
export const synthCountsSchema = z.object({
  frames: z.number().int(),
  framesKept: z.number().int(),
  samples: z.number().int(),
  perType: z.record(z.string(), z.number().int()),
  /** What each quality filter dropped: "frame:no-support-plane" → frames, "object:few-points" → objects, … */
  dropped: z.record(z.string(), z.number().int()),
})

export const synthManifestSchema = z.object({
  format: z.literal('spatial-lens-synth/1'),
  version: z.string(),
  seed: z.number().int(),
  config: z.record(z.string(), z.unknown()),
  images: z.literal('copied'),
  jobs: z.number().int(),
  shards: z.array(z.string()),
  counts: synthCountsSchema,
  notes: z.array(z.string()),
})

export type SynthCounts = z.infer<typeof synthCountsSchema>
export type SynthManifest = z.infer<typeof synthManifestSchema>
