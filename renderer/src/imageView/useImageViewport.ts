import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react'
import {
  clampViewport,
  fittedViewport,
  panBy,
  transformFor,
  zoomAt,
  type Point2,
  type Size2,
  type ViewTransform,
  type Viewport,
} from './viewport'
import { viewportKeyAction } from './viewportKeys'

const WHEEL_ZOOM_PER_PX = 0.0015

export interface ImageViewportState {
  /** Attach to the element the image is shown in (its size is the view size). */
  containerRef: RefObject<HTMLDivElement | null>
  viewSize: Size2
  viewport: Viewport
  transform: ViewTransform
  /** Zooms by `factor` around a view point (the view centre by default). */
  zoomBy(factor: number, anchorInView?: Point2): void
  /** Moves the image by (dx, dy) view pixels. */
  pan(dx: number, dy: number): void
  fit(): void
  /** + − 0 and the arrow keys on the focused view; true when the key was handled. */
  handleKey(event: KeyboardEvent<HTMLElement>): boolean
}

/**
 * Zoom and pan of the image view: the view's size (observed), the user's viewport (kept per image
 * size, so re-analysing the same frame keeps the zoom and another frame starts fitted) and the
 * wheel (a non-passive listener, so zooming does not scroll the page).
 */
export function useImageViewport(imageSize: Size2): ImageViewportState {
  const containerRef = useRef<HTMLDivElement>(null)
  const viewSize = useObservedSize(containerRef)
  const sizeKey = `${imageSize.width}x${imageSize.height}`
  const [zoomState, setZoomState] = useState<{ sizeKey: string; viewport: Viewport } | null>(null)
  const viewport = clampViewport(
    zoomState?.sizeKey === sizeKey ? zoomState.viewport : fittedViewport(imageSize),
    imageSize,
    viewSize,
  )
  const transform = transformFor(viewport, imageSize, viewSize)

  const change = useCallback(
    (update: (viewport: Viewport) => Viewport) =>
      setZoomState((state) => {
        const before = state?.sizeKey === sizeKey ? state.viewport : fittedViewport(imageSize)
        return { sizeKey, viewport: update(clampViewport(before, imageSize, viewSize)) }
      }),
    [sizeKey, imageSize, viewSize],
  )
  const actions = useMemo(() => {
    const centre: Point2 = [viewSize.width / 2, viewSize.height / 2]
    return {
      zoomBy: (factor: number, anchorInView: Point2 = centre) =>
        change((v) => zoomAt(v, factor, anchorInView, imageSize, viewSize)),
      pan: (dx: number, dy: number) => change((v) => panBy(v, dx, dy, imageSize, viewSize)),
      fit: () => change(() => fittedViewport(imageSize)),
    }
  }, [change, imageSize, viewSize])

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const rect = container.getBoundingClientRect()
      const anchor: Point2 = [event.clientX - rect.left, event.clientY - rect.top]
      actions.zoomBy(Math.exp(-event.deltaY * WHEEL_ZOOM_PER_PX), anchor)
    }
    container.addEventListener('wheel', onWheel, { passive: false })
    return () => container.removeEventListener('wheel', onWheel)
  }, [actions])

  const handleKey = (event: KeyboardEvent<HTMLElement>): boolean => {
    const action = viewportKeyAction(event.key, event)
    if (action?.kind === 'zoom') actions.zoomBy(action.factor)
    else if (action?.kind === 'fit') actions.fit()
    else if (action?.kind === 'pan') actions.pan(...action.byInView)
    return action !== null
  }

  return { containerRef, viewSize, viewport, transform, ...actions, handleKey }
}

/** The element's size in CSS pixels (at least 1 × 1), kept current by a ResizeObserver. */
function useObservedSize(containerRef: RefObject<HTMLElement | null>): Size2 {
  const [size, setSize] = useState<Size2>({ width: 1, height: 1 })
  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    const measure = () =>
      setSize({
        width: Math.max(1, container.clientWidth),
        height: Math.max(1, container.clientHeight),
      })
    const observer = new ResizeObserver(measure)
    observer.observe(container)
    measure()
    return () => observer.disconnect()
  }, [containerRef])
  return size
}
