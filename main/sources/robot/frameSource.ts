/**
 * The one protocol every robot frame source speaks (MCAP recordings, ROS 1 bags, live rosbridge, video).
 *
 * A source is an async iterator of timestamped {@link RobotFrame}s (an engine Frame — depth in metres — plus the
 * camera's TF frame id and any transforms seen since the previous frame). Sources never buffer unboundedly: a
 * recording decodes on demand, a live source keeps only the latest frame (latest-frame-wins) and counts the rest as
 * dropped in {@link FrameSourceStats}.
 */
import type { Frame } from '../../engine/types'
import type { TransformStamped } from '../../engine/tf/types'

/** One topic/channel of a source, as a topic picker shows it. */
export interface TopicInfo {
  topic: string
  /** Message type / schema name, e.g. "sensor_msgs/msg/Image", "foxglove.CompressedImage". */
  schemaName: string
  /** Schema encoding (ros2msg, ros1msg, jsonschema, protobuf, …); '' when the source has none. */
  schemaEncoding: string
  /** Message encoding (cdr, ros1, json, protobuf). */
  messageEncoding: string
  /** Number of messages (recordings; undefined for live topics until counted). */
  messageCount?: number
  /** Mean rate in Hz over the topic's span (count−1)/span; undefined with < 2 messages. */
  rateHz?: number
  /** First and last log time, ns since the Unix epoch (recordings). */
  startNs?: bigint
  endNs?: bigint
}

/** A camera frame plus robot context. */
export interface RobotFrame {
  frame: Frame
  /** TF frame id of the camera (header.frame_id of the image), '' when unknown. */
  cameraFrameId: string
  /** Transforms (from /tf and /tf_static) that arrived since the previous frame, in arrival order. */
  transforms: TransformStamped[]
  /** Warnings for this frame (e.g. calibration size differs from the image), one line each. */
  warnings: string[]
}

/** Counters a source keeps; a UI shows them. */
export interface FrameSourceStats {
  /** Frames handed to the consumer. */
  framesEmitted: number
  /** Frames never emitted: overwritten by a newer one (live) or unpaired colour/depth (recordings). */
  framesDropped: number
  /** Messages that failed to decode (corrupt data); the stream goes on past them. */
  decodeErrors: number
  /** The last decode error, one line, for display. */
  lastError?: string
}

/** Which topics make frames. */
export interface FrameTopics {
  colorTopic: string
  /** Depth image topic (Image 16UC1/32FC1, compressedDepth) or a PointCloud2 topic; omitted for colour-only. */
  depthTopic?: string
  /** CameraInfo / foxglove.CameraCalibration topic; found automatically next to the colour topic when omitted. */
  cameraInfoTopic?: string
  /** Max |t_color − t_depth| for a pair, ns. Default 20 ms. */
  pairToleranceNs?: bigint
}

/** The frame protocol. */
export interface FrameSource extends AsyncIterable<RobotFrame> {
  /** What this source is, for messages ("recording.mcap", "ws://robot:9090"). */
  readonly description: string
  /** Topics with types (and counts/rates for recordings). */
  topics(): Promise<TopicInfo[]>
  /** Counters of emitted, dropped and failed frames. */
  stats(): FrameSourceStats
  /**
   * Recordings only: the next frame iterated is the first at or after `timeNs` (absolute log time, ns).
   * Live sources leave it undefined.
   */
  seek?(timeNs: bigint): void
  /** Recording span [start, end] in ns, when known. */
  timeRange?(): { startNs: bigint; endNs: bigint } | undefined
  /** Releases files/sockets. Safe to call twice. */
  close(): Promise<void>
}
