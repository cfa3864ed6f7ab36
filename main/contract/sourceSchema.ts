import { z } from 'zod'
import { finite, vec3Schema } from './primitives'
import { perceptionSettingsSchema } from './perceptionSettings'
import { sceneCloudSchema, sceneImageSchema, sceneSummarySchema } from './sceneSchema'

/**
 * Robot sources in the app (issue 14): a server-side source session over an MCAP recording or a
 * live ROS 2 graph through rosbridge. The UI opens a session, picks topics, plays/seeks a
 * recording, and receives one `source:frame` event per processed frame (tracks, TF frames, watch
 * readings); the frame's full scene (cloud, image) is fetched with `source:scene` when the UI is
 * ready for it, so a slow UI never makes the server queue frames.
 *
 * Times are nanoseconds since the Unix epoch as decimal strings (they exceed 2^53).
 */

/** A time in nanoseconds, as decimal digits (bigint on the Node side). */
export const timeNsSchema = z
  .string()
  .regex(/^\d{1,20}$/, 'a time in nanoseconds as decimal digits')

const sessionIdSchema = z.string().uuid()
const topicNameSchema = z.string().trim().min(1).max(300)

/** Where a session reads from. URL schemes are limited to ws:// and wss:// (rosbridge_server). */
export const sourceOpenInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('mcap'),
      /** Absolute path on the service's machine (under `serve --recordings DIR` for serve). */
      path: z.string().trim().min(1).max(4096),
    })
    .strict(),
  z
    .object({
      kind: z.literal('rosbridge'),
      url: z
        .string()
        .trim()
        .max(2048)
        .regex(
          /^wss?:\/\/[^\s/]+/,
          'a ws:// or wss:// URL of rosbridge_server, e.g. ws://robot:9090',
        ),
    })
    .strict(),
])
export type SourceOpenInput = z.infer<typeof sourceOpenInputSchema>

/** What the topic picker shows of one topic. Count and rate are known for recordings only. */
export const sourceTopicSchema = z.object({
  name: z.string(),
  type: z.string(),
  messageCount: z.number().int().nonnegative().optional(),
  rateHz: finite.nonnegative().optional(),
  /** What the topic looks like it carries (from its type and name); the user may pick otherwise. */
  role: z.enum(['color', 'depth', 'cameraInfo', 'tf', 'other']),
})
export type SourceTopic = z.infer<typeof sourceTopicSchema>

/** The topics a session reads frames from. */
export const sourceTopicChoiceSchema = z.object({
  colorTopic: topicNameSchema,
  depthTopic: topicNameSchema.optional(),
  cameraInfoTopic: topicNameSchema.optional(),
  /** TF frame the scene is expressed in (e.g. "map", "base_link"); omitted: the scene's own world frame. */
  fixedFrame: topicNameSchema.optional(),
  /** TF frame "the gripper" means in questions and watches; omitted: a frame named like tcp / gripper / tool0 / ee. */
  gripperFrame: topicNameSchema.optional(),
})
export type SourceTopicChoice = z.infer<typeof sourceTopicChoiceSchema>

export const sourceSessionSchema = z.object({
  sessionId: z.string(),
  kind: z.enum(['mcap', 'rosbridge']),
  /** "run.mcap", "ws://robot:9090". */
  description: z.string(),
  topics: z.array(sourceTopicSchema),
  /** The topics guessed from types and names (colour/depth/camera info); every field optional. */
  guess: sourceTopicChoiceSchema.partial(),
  /** Recording span; absent for live sources. */
  timeRange: z.object({ startNs: timeNsSchema, endNs: timeNsSchema }).optional(),
  /** TF frame ids known so far (static TF of a recording; live: filled as /tf arrives). */
  tfFrames: z.array(z.string()),
})
export type SourceSession = z.infer<typeof sourceSessionSchema>

const sessionInput = z.object({ sessionId: sessionIdSchema }).strict()

/** Pinned questions as watch queries, with the log's rate limit. */
export const sourceWatchInputSchema = z
  .object({
    sessionId: sessionIdSchema,
    questions: z.array(z.string().trim().min(1).max(500)).max(32),
    /** A log row when a value moved at least this far (cm); default 0.5. */
    minChangeCm: finite.min(0).max(1000).default(0.5),
    /** … or when this long passed since the last row (s); 0 = on change only (default). */
    minIntervalS: finite.min(0).max(86_400).default(0),
  })
  .strict()

/** One pinned question as a watch: parsed or refused (the reason says why). */
export const sourceWatchStateSchema = z.object({
  question: z.string(),
  isWatching: z.boolean(),
  reason: z.string().optional(),
})

export const sourceChannels = {
  /** Recordings the service may open: files under `serve --recordings DIR` (none configured: empty). */
  'source:recordings': {
    input: z.object({}).strict(),
    output: z.object({
      directory: z.string().nullable(),
      files: z.array(z.object({ path: z.string(), name: z.string(), bytes: finite })),
      /** Whether any absolute path may be opened (the desktop app: the user picked the file). */
      isAnyPathAllowed: z.boolean(),
    }),
  },
  /** Opens a recording or connects to rosbridge and lists the topics; nothing plays until `source:select`. */
  'source:open': { input: sourceOpenInputSchema, output: sourceSessionSchema },
  /** The topics again (a live graph changes). */
  'source:topics': { input: sessionInput, output: z.array(sourceTopicSchema) },
  /** Chooses the topics and starts the frames (a recording plays from its start, at the recorded pace). */
  'source:select': {
    input: z
      .object({
        sessionId: sessionIdSchema,
        topics: sourceTopicChoiceSchema,
        perception: perceptionSettingsSchema.optional(),
      })
      .strict(),
    output: z.object({ description: z.string() }),
  },
  /** Recordings: the next frame is the first at or after `timeNs` (shown even while paused). */
  'source:seek': {
    input: z.object({ sessionId: sessionIdSchema, timeNs: timeNsSchema }).strict(),
    output: z.object({ timeNs: timeNsSchema }),
  },
  'source:play': {
    input: z.object({ sessionId: sessionIdSchema, isPlaying: z.boolean() }).strict(),
    output: z.object({ isPlaying: z.boolean() }),
  },
  'source:watch': {
    input: sourceWatchInputSchema,
    output: z.object({ watches: z.array(sourceWatchStateSchema) }),
  },
  /** The full scene of a processed frame (cloud and image for the views), while it is kept. */
  'source:scene': {
    input: z.object({ sessionId: sessionIdSchema, sceneId: z.string().min(1).max(100) }).strict(),
    output: z.object({
      summary: sceneSummarySchema,
      cloud: sceneCloudSchema,
      image: sceneImageSchema,
    }),
  },
  'source:close': { input: sessionInput, output: z.object({ isClosed: z.boolean() }) },
} as const

/** A tracked object as the viewer draws it: smoothed box, world frame, metres. */
export const trackJsonSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string(),
  label: z.string(),
  centerInWorld: vec3Schema,
  centerSigmaM: vec3Schema,
  sizeM: z.object({ width: finite, depth: finite, height: finite }),
  yawRad: finite,
  colorRgb: vec3Schema,
  isConfirmed: z.boolean(),
  /** False while the track coasts (missed in this frame, not yet dead). */
  isSeen: z.boolean(),
})
export type TrackJson = z.infer<typeof trackJsonSchema>

/** A TF frame placed in the scene: origin and axes (unit vectors) in the scene's world frame. */
export const tfFrameJsonSchema = z.object({
  frameId: z.string(),
  originInWorld: vec3Schema,
  xAxisInWorld: vec3Schema,
  yAxisInWorld: vec3Schema,
  zAxisInWorld: vec3Schema,
})
export type TfFrameJson = z.infer<typeof tfFrameJsonSchema>

export const watchEventJsonSchema = z.object({
  type: z.enum(['alert_entered', 'alert_left', 'value', 'unavailable']),
  frameIndex: z.number().int().nonnegative(),
  timeNs: timeNsSchema,
  valueM: finite.nullable(),
  text: z.string(),
})

/** One processed frame of a session. */
export const sourceFrameEventSchema = z.object({
  sessionId: z.string(),
  frameIndex: z.number().int().nonnegative(),
  timeNs: timeNsSchema,
  /** The kept scene: `source:scene` gives its cloud and image; questions may use it while it is kept. */
  sceneId: z.string(),
  summary: sceneSummarySchema,
  tracks: z.array(trackJsonSchema),
  tfFrames: z.array(tfFrameJsonSchema),
  /** The chosen fixed frame and fixedFromWorld (4×4 column-major) when TF gave one this frame. */
  fixed: z.object({ frameId: z.string(), fixedFromWorld: z.array(finite).length(16) }).nullable(),
  droppedFrames: z.number().int().nonnegative(),
  processedFrames: z.number().int().nonnegative(),
  latencyMs: finite,
  watches: z.array(
    z.object({
      question: z.string(),
      valueM: finite.nullable(),
      text: z.string(),
      isAlerting: z.boolean(),
      /** Logged events of this frame (rate-limited: a row per change beyond the tolerance or per interval). */
      events: z.array(watchEventJsonSchema),
    }),
  ),
  /** Warnings of this frame (TF lookups that failed, skipped messages), one line each. */
  notes: z.array(z.string()),
})
export type SourceFrameEvent = z.infer<typeof sourceFrameEventSchema>

/** Playback state changes and problems of a session. */
export const sourceStatusEventSchema = z.object({
  sessionId: z.string(),
  state: z.enum(['playing', 'paused', 'ended', 'closed', 'error']),
  message: z.string().optional(),
  /** Recordings: the time of the latest frame read. */
  timeNs: timeNsSchema.optional(),
  droppedFrames: z.number().int().nonnegative(),
})
export type SourceStatusEvent = z.infer<typeof sourceStatusEventSchema>
