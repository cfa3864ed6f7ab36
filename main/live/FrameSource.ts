/**
 * The frame protocol every live or recorded source satisfies (rosbridge here; MCAP files, folders and video behind
 * the same shape): an async iterator of events, frames among them, ended by `close()` or by the source itself.
 */

import type { Frame } from '../engine/types'
import type { TfTree } from '../engine/tf/tfTree'

/** What a source yields. `receivedAtMs` is the host's monotonic clock (performance.now) when the frame was complete. */
export type SourceEvent =
  /** `decodeMs`: time the source spent decoding the frame on this thread, when it knows it. */
  | { kind: 'frame'; frame: Frame; receivedAtMs: number; decodeMs?: number }
  | { kind: 'error'; message: string; topic?: string }
  | { kind: 'status'; message: string }
  /** A message of an extra topic the caller asked for (e.g. /tf for a transform tree), decoded JSON. */
  | { kind: 'message'; topic: string; type: string; message: unknown }

/** A topic a source offers, for pickers and `--*-topic` flags. */
export interface TopicInfo {
  name: string
  type: string
}

export interface FrameSource extends AsyncIterable<SourceEvent> {
  /** One line for progress output, e.g. "rosbridge ws://robot:9090 /camera/color/image_raw". */
  readonly description: string
  /** Frames replaced before the consumer took them (latest-frame-wins). */
  droppedFrames(): number
  /** Frames a recording holds (for a progress bar), or null for live sources and before it is known. */
  totalFrames?(): number | null
  /** Stops the source; a pending iteration ends. */
  close(): Promise<void>
  /**
   * The robot context of a frame this source yielded — its own TF tree and the image's TF frame id — for sources
   * that read TF themselves (recordings); undefined when the source has no TF.
   */
  robotContext?(frame: Frame): { tfTree: TfTree; cameraFrameId: string } | undefined
  /** The colour image's TF frame id (header.frame_id) as last seen, for sources that pass TF on as messages. */
  cameraFrameId?(): string
}
