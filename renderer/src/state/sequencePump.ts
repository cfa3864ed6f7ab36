import { advanceCursor, OPENED_CURSOR, type SequenceCursor } from './sequenceCursor'

/** What the pump needs of an open sequence: how many frames it has. */
export interface PumpedSequence {
  paired: { frames: readonly unknown[] }
}

/** The player's mutable state, shared by its callbacks and the pump (refs: no re-render per change). */
export interface PlayerState<S extends PumpedSequence = PumpedSequence> {
  sequence: S | null
  cursor: SequenceCursor
  /** A pump loop is running (a second call returns at once: the running one sees every change). */
  isPumping: boolean
  isAnalysing: boolean
}

/** A player with nothing open. */
export function newPlayerState<S extends PumpedSequence>(): PlayerState<S> {
  return { sequence: null, cursor: OPENED_CURSOR, isPumping: false, isAnalysing: false }
}

/**
 * Analyses the wanted frame until it is the one attempted; while playing, then the next one.
 * `load` sends one frame to the scene loader (resolving to its outcome); `publish` shows the state (with the frame now on screen).
 */
export async function pumpFrames<S extends PumpedSequence>(
  state: PlayerState<S>,
  load: (sequence: S, index: number) => Promise<'shown' | 'failed' | 'superseded'>,
  publish: (shownIndex?: number) => void,
): Promise<void> {
  if (state.isPumping) return
  state.isPumping = true
  try {
    for (;;) {
      const current = state.sequence
      if (!current) return
      const next = advanceCursor(state.cursor, current.paired.frames.length)
      state.cursor = next.cursor
      if (next.action === 'ended') publish() // the end: stay on the last frame
      if (next.action !== 'analyse') return
      const index = next.cursor.wanted
      state.isAnalysing = true
      publish()
      const outcome = await load(current, index).finally(() => {
        state.isAnalysing = false
      })
      // Closed, or another folder opened meanwhile: start over with it (its open() found us busy).
      if (state.sequence !== current) continue
      // The banner says why; play resumes from here.
      if (outcome === 'failed') state.cursor = { ...state.cursor, isPlaying: false }
      publish(outcome === 'shown' ? index : undefined)
    }
  } finally {
    state.isPumping = false
  }
}
