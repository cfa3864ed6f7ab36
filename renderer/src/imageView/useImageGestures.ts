import { useRef, useState, type PointerEvent } from 'react'
import type { DraftRegion } from './draftRegion'
import { boxFromDrag, enginePixelOf } from './imageGeometry'
import { gestureOfPress, isPastClickSlop, outcomeOfRelease, type Gesture } from './imageGestures'
import { imageFromView, type Point2, type Size2, type ViewTransform } from './viewport'

export interface ImageGestureOptions {
  transform: ViewTransform
  imageSize: Size2
  /** In Measure mode a press never becomes a drag, and a click picks. */
  isMeasuring: boolean
  pan(dx: number, dy: number): void
  /** The object at an image point (mask or box), or null. */
  objectAt(pointInImage: Point2): string | null
  onHover(name: string | null): void
  /** A region drawn (drag) or clicked (point), waiting for its label. */
  onRegion(region: DraftRegion): void
  onMeasurePick(pixel: [number, number], objectName: string | null): void
}

/**
 * The image stage's pointer handling: press and drag draw regions (the box being dragged is
 * `dragBox`), clicks name points or pick for Measure mode, pans move the view, and hovering
 * reports the object under the pointer (once per change).
 */
export function useImageGestures(options: ImageGestureOptions) {
  const { transform, imageSize, isMeasuring, objectAt } = options
  const gesture = useRef<Gesture | null>(null)
  const hoveredName = useRef<string | null>(null)
  const [dragBox, setDragBox] = useState<DraftRegion | null>(null)

  const reportHover = (name: string | null) => {
    if (name === hoveredName.current) return
    hoveredName.current = name
    options.onHover(name)
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const next = gestureOfPress(event.button, event.shiftKey, viewPointOf(event), transform)
    if (!next) return
    event.currentTarget.setPointerCapture(event.pointerId)
    gesture.current = next
  }

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const inView = viewPointOf(event)
    const current = gesture.current
    if (current?.kind === 'pan') {
      const [dx, dy] = [inView[0] - current.lastInView[0], inView[1] - current.lastInView[1]]
      current.lastInView = inView
      options.pan(dx, dy)
    } else if (current?.kind === 'press') {
      if (!isMeasuring && isPastClickSlop(current.startInView, inView)) current.isDrag = true
      if (!current.isDrag) return
      const box = boxFromDrag(current.startInImage, imageFromView(transform, inView), imageSize, 1)
      setDragBox(box ? { kind: 'box', box } : null)
    } else {
      reportHover(objectAt(imageFromView(transform, inView)))
    }
  }

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const current = gesture.current
    gesture.current = null
    if (current?.kind !== 'press') return
    const inImage = imageFromView(transform, viewPointOf(event))
    if (current.isDrag) setDragBox(null)
    const outcome = outcomeOfRelease(current, inImage, imageSize, isMeasuring)
    if (outcome.kind === 'region') options.onRegion(outcome.region)
    else if (outcome.kind === 'measure')
      options.onMeasurePick(enginePixelOf(inImage), objectAt(inImage))
  }

  const handlers = {
    onPointerDown,
    onPointerMove,
    onPointerUp,
    onPointerCancel: () => {
      gesture.current = null
      setDragBox(null)
    },
    onPointerLeave: () => gesture.current === null && reportHover(null),
  }
  return { dragBox, handlers }
}

/** The pointer's position in the stage, view pixels. */
function viewPointOf(event: PointerEvent): Point2 {
  const rect = event.currentTarget.getBoundingClientRect()
  return [event.clientX - rect.left, event.clientY - rect.top]
}
