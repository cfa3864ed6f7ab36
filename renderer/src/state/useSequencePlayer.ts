import { useCallback, useState } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import { loadSequenceFrame, openSequence, type OpenSequence } from './sequencePlayback'
import { newPlayerState, pumpFrames, type PlayerState } from './sequencePump'
import {
  OPENED_CURSOR,
  playCursor,
  sequenceViewOf,
  stepCursor,
  type SequenceCursor,
  type SequenceView,
} from './sequenceCursor'
import { useLatest } from './useLatest'
import type { SceneLoader } from './useSceneLoader'
import type { UiError } from './uiError'

export type { SequenceView } from './sequenceCursor'

export interface SequencePlayer {
  view: SequenceView | null
  /** Pairs a picked folder's files and shows its first frame (problems go to the banner). */
  open(files: File[]): void
  play(): void
  pause(): void
  togglePlay(): void
  /** Moves by `delta` frames (pausing playback), clamped to the sequence. */
  step(delta: number): void
  close(): void
}

/**
 * A folder of frames played through the scene loader. One frame is analysed at a time: playing
 * advances only when the previous frame's scene arrived, and steps made while a frame is being
 * analysed only move the target — the latest one is analysed next, never a queue of them.
 */
export function useSequencePlayer(
  loader: SceneLoader,
  perception: PerceptionSettings,
  reportError: (error: UiError | null) => void,
): SequencePlayer {
  // The player's state lives outside React (the pump and callbacks mutate it); the view shows it.
  const [player] = useState(() => newPlayerState<OpenSequence>())
  const { view, setView, publish } = useSequenceView(player)
  const latest = useLatest({ loader, perception })

  const pump = useCallback(
    () =>
      pumpFrames(
        player,
        (current, index) => loadSequenceFrame(latest.current, current, index),
        publish,
      ),
    [player, latest, publish],
  )

  const open = useCallback(
    (files: File[]) => {
      const opened = openSequence(files, reportError)
      if (!opened) return
      player.sequence = opened
      player.cursor = OPENED_CURSOR
      setView(null)
      publish()
      void pump()
    },
    [player, setView, publish, pump, reportError],
  )

  /** Moves the cursor of the open sequence (nothing without one), shows it, and analyses what it asks. */
  const move = useCallback(
    (change: (from: SequenceCursor, frameCount: number) => SequenceCursor) => {
      if (!player.sequence) return
      player.cursor = change(player.cursor, player.sequence.paired.frames.length)
      publish()
      void pump()
    },
    [player, publish, pump],
  )
  const play = useCallback(() => move(playCursor), [move])
  const step = useCallback(
    (delta: number) => move((from, count) => stepCursor(from, delta, count)),
    [move],
  )
  const pause = useCallback(() => {
    player.cursor = { ...player.cursor, isPlaying: false }
    publish()
  }, [player, publish])
  const close = useCallback(() => {
    player.sequence = null
    player.cursor = { ...player.cursor, isPlaying: false }
    setView(null)
  }, [player, setView])
  const togglePlay = useCallback(
    () => (player.cursor.isPlaying ? pause() : play()),
    [player, pause, play],
  )

  return { view, open, play, pause, togglePlay, step, close }
}

/** The view of the open sequence, and `publish` to show the player's state (`shownIndex`: a frame arrived). */
function useSequenceView(player: PlayerState<OpenSequence>): {
  view: SequenceView | null
  setView(view: SequenceView | null): void
  publish(shownIndex?: number): void
} {
  const [view, setView] = useState<SequenceView | null>(null)
  const publish = useCallback(
    (shownIndex?: number) => {
      const current = player.sequence
      if (!current) return setView(null)
      setView((previous) =>
        sequenceViewOf(
          current.folderName,
          current.paired,
          player.cursor,
          player.isAnalysing,
          shownIndex ?? previous?.shownIndex ?? -1,
        ),
      )
    },
    [player],
  )
  return { view, setView, publish }
}
