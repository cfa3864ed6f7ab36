/**
 * Where a sequence player is: the frame asked for, the frame last sent for analysis, and whether it
 * plays. Pure transitions, so the one-frame-at-a-time rules are unit-tested without React.
 */
export interface SequenceCursor {
  /** The frame asked for (on screen, or to analyse next), 0-based. */
  wanted: number
  /** The frame last sent for analysis (-1: none yet). */
  attempted: number
  isPlaying: boolean
}

export interface SequenceView {
  /** The picked folder's name. */
  folderName: string
  frameCount: number
  /** The frame asked for (on screen, or being analysed), 0-based. */
  index: number
  /** The frame whose scene is on screen, or -1 before the first one arrived. */
  shownIndex: number
  /** The name of the frame on screen (before the first: of the one being analysed). */
  frameName: string
  isPlaying: boolean
  /** A frame of the sequence is being analysed. */
  isAnalysing: boolean
  notes: string[]
}

/** A just-opened sequence: its first frame wanted, nothing analysed, paused. */
export const OPENED_CURSOR: SequenceCursor = { wanted: 0, attempted: -1, isPlaying: false }

/**
 * What to do next: 'analyse' the wanted frame (the returned cursor marks it attempted; while
 * playing and the wanted one was done, the next frame is wanted first), stay 'idle' (paused and
 * done), or 'ended' (played past the last frame: paused there).
 */
export function advanceCursor(
  cursor: SequenceCursor,
  frameCount: number,
): { action: 'analyse' | 'idle' | 'ended'; cursor: SequenceCursor } {
  let wanted = cursor.wanted
  if (wanted === cursor.attempted) {
    if (!cursor.isPlaying) return { action: 'idle', cursor }
    if (wanted + 1 >= frameCount)
      return { action: 'ended', cursor: { ...cursor, isPlaying: false } }
    wanted++
  }
  return { action: 'analyse', cursor: { ...cursor, wanted, attempted: wanted } }
}

/** Starts playing from the wanted frame, or from the first again once the end was reached. */
export function playCursor(cursor: SequenceCursor, frameCount: number): SequenceCursor {
  const isAtEnd = cursor.wanted >= frameCount - 1 && cursor.attempted === cursor.wanted
  const wanted = isAtEnd ? -1 : cursor.wanted
  const attempted = isAtEnd ? -1 : cursor.attempted
  return { wanted: wanted < 0 ? 0 : wanted, attempted, isPlaying: true }
}

/** Moves the wanted frame by `delta` frames, clamped to the sequence, and pauses. */
export function stepCursor(
  cursor: SequenceCursor,
  delta: number,
  frameCount: number,
): SequenceCursor {
  const wanted = Math.min(frameCount - 1, Math.max(0, cursor.wanted + delta))
  return { ...cursor, wanted, isPlaying: false }
}

/** The view of an open sequence; `shownIndex` is the frame on screen (-1 before the first one). */
export function sequenceViewOf(
  folderName: string,
  { frames, notes }: { frames: readonly { name: string }[]; notes: string[] },
  cursor: SequenceCursor,
  isAnalysing: boolean,
  shownIndex: number,
): SequenceView {
  return {
    folderName,
    frameCount: frames.length,
    index: cursor.wanted,
    shownIndex,
    frameName: frames[shownIndex >= 0 ? shownIndex : cursor.wanted].name,
    isPlaying: cursor.isPlaying,
    isAnalysing,
    notes,
  }
}
