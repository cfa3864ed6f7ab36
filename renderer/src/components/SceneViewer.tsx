import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react'
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
  const { rendererRef, failure } = useSceneRenderer(containerRef)
  const { onPointerDown, onPointerUp } = useClickPick(rendererRef, onPick)

  useShortcut('reset-view', failure ? null : () => rendererRef.current?.frameView())

  // keepsView is read when the scene changes, not a reason to redraw it.
  const keepsViewRef = useRef(keepsView)
  keepsViewRef.current = keepsView
  useEffect(
    () => rendererRef.current?.setScene(scene, { keepView: keepsViewRef.current }),
    [rendererRef, scene],
  )
  useEffect(() => rendererRef.current?.setOverlay(overlay), [rendererRef, overlay])
  useEffect(() => rendererRef.current?.setFixedFrame(fixedFromWorld), [rendererRef, fixedFromWorld])
  useEffect(() => rendererRef.current?.setAnswer(answer), [rendererRef, answer, scene])
  useEffect(
    () => rendererRef.current?.setHoveredObject(highlightedName),
    [rendererRef, highlightedName, scene],
  )
  useEffect(
    () => rendererRef.current?.setSelectedObject(selectedName),
    [rendererRef, selectedName, scene],
  )
  useEffect(() => rendererRef.current?.setMeasure(measureMarks), [rendererRef, measureMarks, scene])

  return (
    <section className="viewer" aria-label="3D view" data-picking={onPick ? 'true' : undefined}>
      <div
        className="viewer-stage"
        ref={containerRef}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
      />
      {failure ? (
        <ViewerFailure reason={failure} />
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

/** Creates the renderer on mount and disposes it on unmount; `failure` says why WebGL did not start. */
function useSceneRenderer(containerRef: RefObject<HTMLDivElement | null>) {
  const rendererRef = useRef<SceneRenderer | null>(null)
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
  }, [containerRef])
  return { rendererRef, failure }
}

/** A press and release within CLICK_SLOP_PX is a click: reports what lies under it (orbit drags are not). */
function useClickPick(
  rendererRef: RefObject<SceneRenderer | null>,
  onPick: ((pick: ScenePick | null) => void) | undefined,
) {
  const pressAt = useRef<{ x: number; y: number } | null>(null)
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
  return { onPointerDown, onPointerUp }
}

function ViewerFailure({ reason }: { reason: string }) {
  return (
    <div className="viewer-failure" role="alert">
      <strong>The 3D view could not start.</strong>
      <span>
        WebGL is unavailable here ({reason}). Enable hardware acceleration in the browser, or use
        the object list and the Ask box.
      </span>
    </div>
  )
}
