import { useEffect, useRef, useState, type PointerEvent } from 'react'
import type { SceneResult } from '../../../main/contract/channels'
import { SceneRenderer } from '../viewer/SceneRenderer'
import { useShortcut } from '../state/useShortcut'
import type { MeasureMarks } from '../viewer/buildMeasureMarks'
import type { ScenePick } from '../viewer/pickScene'
import type { ShownAnswer } from '../viewer/SceneRenderer'
import type { LiveOverlay } from '../viewer/buildLiveOverlay'

export interface SceneViewerProps {
  scene: SceneResult | null
  answer: ShownAnswer | null
  /** Object to emphasise (hovered or selected in the panel). */
  highlightedName: string | null
  /** The object selected in the panel: its label keeps priority while another is hovered. */
  selectedName?: string | null
  /** Measure mode's picks and segment to draw, or null outside Measure mode. */
  measureMarks?: MeasureMarks | null
  /** Set in Measure mode: a click (not a drag) reports what lies under it (null: nothing). */
  onPick?: (pick: ScenePick | null) => void
  /** A robot source's tracks and TF frames (world frame), or null. */
  overlay?: LiveOverlay | null
  /** Shows the scene in a TF fixed frame (fixedFromWorld, 4×4 column-major), or null. */
  fixedFromWorld?: number[] | null
  /** Frames of a stream: a new scene keeps the user's view once it was framed. */
  keepsView?: boolean
}

/** Pointer travel (pixels) below which a press is a click, not an orbit drag. */
const CLICK_SLOP_PX = 4

/** The 3D view: a React shell around {@link SceneRenderer}, which it creates on mount and disposes on unmount. */
export function SceneViewer({
  scene,
  answer,
  highlightedName,
  selectedName = null,
  measureMarks = null,
  onPick,
  overlay = null,
  fixedFromWorld = null,
  keepsView = false,
}: SceneViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const rendererRef = useRef<SceneRenderer | null>(null)
  const pressAt = useRef<{ x: number; y: number } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    try {
      rendererRef.current = new SceneRenderer(container)
    } catch (error) {
      setFailure((error as Error).message)
      return
    }
    return () => {
      rendererRef.current?.dispose()
      rendererRef.current = null
    }
  }, [])

  useShortcut('reset-view', failure ? null : () => rendererRef.current?.frameView())

  // keepsView is read when the scene changes, not a reason to redraw it.
  const keepsViewRef = useRef(keepsView)
  keepsViewRef.current = keepsView
  useEffect(() => rendererRef.current?.setScene(scene, { keepView: keepsViewRef.current }), [scene])
  useEffect(() => rendererRef.current?.setOverlay(overlay), [overlay])
  useEffect(() => rendererRef.current?.setFixedFrame(fixedFromWorld), [fixedFromWorld])
  useEffect(() => rendererRef.current?.setAnswer(answer), [answer, scene])
  useEffect(() => rendererRef.current?.setHoveredObject(highlightedName), [highlightedName, scene])
  useEffect(() => rendererRef.current?.setSelectedObject(selectedName), [selectedName, scene])
  useEffect(() => rendererRef.current?.setMeasure(measureMarks), [measureMarks, scene])

  const onPointerDown = (event: PointerEvent) => {
    pressAt.current = event.button === 0 ? { x: event.clientX, y: event.clientY } : null
  }
  const onPointerUp = (event: PointerEvent) => {
    const press = pressAt.current
    pressAt.current = null
    if (!onPick || !press || !rendererRef.current) return
    if (Math.hypot(event.clientX - press.x, event.clientY - press.y) > CLICK_SLOP_PX) return
    onPick(rendererRef.current.pickAt(event.clientX, event.clientY))
  }

  return (
    <section className="viewer" aria-label="3D view" data-picking={onPick ? 'true' : undefined}>
      <div
        className="viewer-stage"
        ref={containerRef}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
      />
      {failure ? (
        <div className="viewer-failure" role="alert">
          <strong>The 3D view could not start.</strong>
          <span>
            WebGL is unavailable here ({failure}). Enable hardware acceleration in the browser, or
            use the object list and the Ask box.
          </span>
        </div>
      ) : (
        <button
          type="button"
          className="viewer-reset"
          onClick={() => rendererRef.current?.frameView()}
          title="Frame the whole cloud (R)"
        >
          Reset view
        </button>
      )}
    </section>
  )
}
