import { useCallback, useEffect, useRef, useState } from 'react'
import type { PerceptionSettings } from '../../../main/contract/perceptionSettings'
import { pairSequenceFiles, type PairedSequence } from '../sources/pairSequenceFiles'
import { rgbdFrameFromFiles } from './frameFiles'
import type { SceneLoader } from './useSceneLoader'
import { toUiError, type UiError } from './uiError'

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

const FOLDER_HINT =
  'Pick a folder with colour images, 16-bit depth PNGs named alike (rgb/0001.png and depth/0001.png, or 0001_color.png and 0001_depth.png) and one intrinsics JSON.'

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
  const [view, setView] = useState<SequenceView | null>(null)
  const sequence = useRef<{ folderName: string; paired: PairedSequence<File> } | null>(null)
  const wanted = useRef(0)
  /** The frame last sent for analysis (-1: none yet). */
  const attempted = useRef(-1)
  const isPlaying = useRef(false)
  const isPumping = useRef(false)
  const isAnalysing = useRef(false)
  const latest = useRef({ loader, perception })
  useEffect(() => {
    latest.current = { loader, perception }
  })

  const publish = useCallback((shownIndex?: number) => {
    const current = sequence.current
    if (!current) return setView(null)
    const { frames, notes } = current.paired
    setView((previous) => {
      const shown = shownIndex ?? previous?.shownIndex ?? -1
      return {
        folderName: current.folderName,
        frameCount: frames.length,
        index: wanted.current,
        shownIndex: shown,
        frameName: frames[shown >= 0 ? shown : wanted.current].name,
        isPlaying: isPlaying.current,
        isAnalysing: isAnalysing.current,
        notes,
      }
    })
  }, [])

  /** Analyses the wanted frame until it is the one attempted; while playing, then the next one. */
  const pump = useCallback(async () => {
    if (isPumping.current) return
    isPumping.current = true
    try {
      for (;;) {
        const current = sequence.current
        if (!current) return
        const { frames, intrinsics } = current.paired
        if (wanted.current === attempted.current) {
          if (!isPlaying.current) return
          if (wanted.current + 1 >= frames.length) {
            isPlaying.current = false // the end: stay on the last frame
            publish()
            return
          }
          wanted.current++
        }
        const index = wanted.current
        attempted.current = index
        isAnalysing.current = true
        publish()
        const frame = frames[index]
        const { loader, perception } = latest.current
        const outcome = await loader
          .load(
            frame.name,
            () =>
              rgbdFrameFromFiles({
                color: frame.color,
                depth: frame.depth,
                intrinsics,
                depthScale: null,
                // One camera for the whole folder, so a depth calibration applies to every frame.
                cameraId: current.folderName,
              }),
            perception,
          )
          .finally(() => {
            isAnalysing.current = false
          })
        // Closed, or another folder opened meanwhile: start over with it (its open() found us busy).
        if (sequence.current !== current) continue
        if (outcome === 'failed') isPlaying.current = false // the banner says why; play resumes from here
        publish(outcome === 'shown' ? index : undefined)
      }
    } finally {
      isPumping.current = false
    }
  }, [publish])

  const open = useCallback(
    (files: File[]) => {
      let paired: PairedSequence<File>
      try {
        paired = pairSequenceFiles(
          files.map((file) => ({ file, path: file.webkitRelativePath || file.name })),
        )
      } catch (error) {
        reportError(
          toUiError(error, {
            title: 'Could not play this folder',
            hint: FOLDER_HINT,
            offersSample: true,
          }),
        )
        return
      }
      const folderName = files[0]?.webkitRelativePath.split('/')[0] || 'folder'
      sequence.current = { folderName, paired }
      wanted.current = 0
      attempted.current = -1
      isPlaying.current = false
      setView(null)
      publish()
      void pump()
    },
    [publish, pump, reportError],
  )

  const play = useCallback(() => {
    const current = sequence.current
    if (!current) return
    // Play from the start again once the end was reached.
    if (wanted.current >= current.paired.frames.length - 1 && attempted.current === wanted.current)
      attempted.current = wanted.current = -1
    isPlaying.current = true
    if (wanted.current < 0) wanted.current = 0
    publish()
    void pump()
  }, [publish, pump])

  const pause = useCallback(() => {
    isPlaying.current = false
    publish()
  }, [publish])

  const step = useCallback(
    (delta: number) => {
      const current = sequence.current
      if (!current) return
      isPlaying.current = false
      const last = current.paired.frames.length - 1
      wanted.current = Math.min(last, Math.max(0, wanted.current + delta))
      publish()
      void pump()
    },
    [publish, pump],
  )

  const close = useCallback(() => {
    sequence.current = null
    isPlaying.current = false
    setView(null)
  }, [])

  const togglePlay = useCallback(() => (isPlaying.current ? pause() : play()), [pause, play])

  return { view, open, play, pause, togglePlay, step, close }
}
