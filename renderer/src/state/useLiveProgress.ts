import { useCallback, useRef, useState, type RefObject } from 'react'
import type { Detect2dResult } from '../../../main/contract/channels'

/** 'scene': colour frames become 3D scenes (a depth model is installed); '2d': detections only. */
export type LiveMode = 'scene' | '2d'

/** 2D detections of one frame, numbered. */
export interface LiveDetections extends Detect2dResult {
  frameNumber: number
}

/** What the live camera has done since Start: its mode, the 2D notice, frames analysed, detections. */
export interface LiveProgress {
  mode: LiveMode
  /** The mode for the capture loop, which runs outside React (set at once, not on the next render). */
  modeRef: RefObject<LiveMode>
  notice: string | null
  framesAnalysed: number
  detections: LiveDetections | null
  /** Back to scene mode with nothing analysed (a new Start). */
  reset(): void
  /** No depth model: 2D detections from now on, with a notice saying what to install. */
  switchTo2d(notice: string): void
  countFrame(): void
  setDetections(detections: LiveDetections): void
  dismissNotice(): void
}

/** The live camera's per-start progress; every function is stable (safe in effect and callback deps). */
export function useLiveProgress(): LiveProgress {
  const [mode, setMode] = useState<LiveMode>('scene')
  const [notice, setNotice] = useState<string | null>(null)
  const [framesAnalysed, setFramesAnalysed] = useState(0)
  const [detections, setDetections] = useState<LiveDetections | null>(null)
  const modeRef = useRef<LiveMode>('scene')

  const reset = useCallback(() => {
    setFramesAnalysed(0)
    setDetections(null)
    setNotice(null)
    modeRef.current = 'scene'
    setMode('scene')
  }, [])
  const switchTo2d = useCallback((text: string) => {
    modeRef.current = '2d'
    setMode('2d')
    setNotice(text)
  }, [])
  const countFrame = useCallback(() => setFramesAnalysed((count) => count + 1), [])
  const dismissNotice = useCallback(() => setNotice(null), [])

  return {
    mode,
    modeRef,
    notice,
    framesAnalysed,
    detections,
    reset,
    switchTo2d,
    countFrame,
    setDetections,
    dismissNotice,
  }
}
