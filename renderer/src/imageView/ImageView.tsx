import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react'
import type { RegionInput, SceneResult } from '../../../main/contract/channels'
import type { Measurement } from '../../../main/contract/measureSchema'
import type { MeasurePick } from '../state/measurePicks'
import { boxColor } from '../viewer/buildObjectBox'
import { boxFromDrag, enginePixelOf, objectAtImagePoint, pixelAt } from './imageGeometry'
import { ImageOverlay, type DraftRegion } from './ImageOverlay'
import { paintMasks, paintRgb, rgbOfHex } from './paintImage'
import { RegionLabelForm } from './RegionLabelForm'
import { useImageViewport } from './useImageViewport'
import { ZoomControls } from './ZoomControls'
import { IMAGE_LAYERS, layerRgb, type ImageLayer } from './imageLayers'
import { imageFromView, viewFromImage, type Point2, type Size2 } from './viewport'

export interface ImageViewProps {
  scene: SceneResult
  /** Object to emphasise (hovered or selected anywhere). */
  highlightedName: string | null
  /** The object selected in the panel: its name keeps priority while another is hovered. */
  selectedName?: string | null
  /** Objects the shown answer or verdict is about: outlined like the 3D view's answer boxes. */
  answerNames?: readonly string[]
  onHover(name: string | null): void
  /** The user's regions the scene was analysed with. */
  regions: readonly RegionInput[]
  onAddRegion(region: RegionInput): void
  /** In Measure mode a click picks (it does not make a region). */
  isMeasuring: boolean
  picks: readonly MeasurePick[]
  measurement: Measurement | null
  /** A Measure-mode click: engine pixel coordinates and the object there, if any. */
  onMeasurePick(pixel: [number, number], objectName: string | null): void
}

const NO_NAMES: readonly string[] = []

/** Pointer travel (view pixels) below which a press is a click, not a drag. */
const CLICK_SLOP_PX = 4

type Gesture =
  | { kind: 'press'; startInView: Point2; startInImage: Point2; isDrag: boolean }
  | { kind: 'pan'; lastInView: Point2 }

/**
 * The 2D view: the analysed colour image with each object's mask, 2D box and name, the user's
 * regions and Measure mode's picks. Click names a point region, drag a box region (an inline form
 * asks the label); wheel or +/− zoom at the pointer, Shift-drag or the middle button pans, 0 fits.
 * Hovering an object reports it (the 3D view and the panel emphasise it).
 */
export function ImageView(props: ImageViewProps) {
  const { scene, highlightedName, onHover, regions, onAddRegion, isMeasuring } = props
  const { summary, image } = scene
  const imageCanvasRef = useRef<HTMLCanvasElement>(null)
  const maskCanvasRef = useRef<HTMLCanvasElement>(null)
  const gesture = useRef<Gesture | null>(null)
  const hoveredName = useRef<string | null>(null)
  const { width: imageWidth, height: imageHeight } = summary.intrinsics
  const imageSize = useMemo(
    () => ({ width: imageWidth, height: imageHeight }),
    [imageWidth, imageHeight],
  )
  const viewer = useImageViewport(imageSize)
  const { transform, viewSize } = viewer
  const [dragBox, setDragBox] = useState<DraftRegion | null>(null)
  const [pending, setPending] = useState<{ sceneId: string; region: DraftRegion } | null>(null)
  // A region waits for its label on the scene it was drawn on, outside Measure mode.
  const pendingRegion = pending?.sceneId === summary.sceneId && !isMeasuring ? pending.region : null

  const [layer, setLayer] = useState<ImageLayer>('photo')
  useEffect(() => {
    if (imageCanvasRef.current)
      paintRgb(imageCanvasRef.current, { ...image, rgb: layerRgb(image, layer) })
  }, [image, layer])

  const colorOfId = useMemo(
    () => new Map(summary.objects.map((object, index) => [object.id, rgbOfHex(boxColor(index))])),
    [summary.objects],
  )
  const emphasisedId = summary.objects.find((object) => object.name === highlightedName)?.id ?? null
  useEffect(() => {
    if (maskCanvasRef.current) paintMasks(maskCanvasRef.current, image, colorOfId, emphasisedId)
  }, [image, colorOfId, emphasisedId])

  const objectAt = (pointInImage: Point2) =>
    objectAtImagePoint(pointInImage, summary.objects, image, imageSize)
  const viewPointOf = (event: PointerEvent): Point2 => {
    const rect = event.currentTarget.getBoundingClientRect()
    return [event.clientX - rect.left, event.clientY - rect.top]
  }
  const reportHover = (name: string | null) => {
    if (name === hoveredName.current) return
    hoveredName.current = name
    onHover(name)
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const isPan = event.button === 1 || (event.button === 0 && event.shiftKey)
    if (!isPan && event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    const inView = viewPointOf(event)
    gesture.current = isPan
      ? { kind: 'pan', lastInView: inView }
      : {
          kind: 'press',
          startInView: inView,
          startInImage: imageFromView(transform, inView),
          isDrag: false,
        }
  }

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const inView = viewPointOf(event)
    const current = gesture.current
    if (current?.kind === 'pan') {
      const [dx, dy] = [inView[0] - current.lastInView[0], inView[1] - current.lastInView[1]]
      current.lastInView = inView
      viewer.pan(dx, dy)
    } else if (current?.kind === 'press') {
      const travel = Math.hypot(
        inView[0] - current.startInView[0],
        inView[1] - current.startInView[1],
      )
      if (!isMeasuring && travel > CLICK_SLOP_PX) current.isDrag = true
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
    if (current.isDrag) {
      setDragBox(null)
      const box = boxFromDrag(current.startInImage, inImage, imageSize)
      if (box) setPending({ sceneId: summary.sceneId, region: { kind: 'box', box } })
      return
    }
    const pixel = pixelAt(inImage, imageSize)
    if (!pixel) return
    if (isMeasuring) props.onMeasurePick(enginePixelOf(inImage), objectAt(inImage))
    else setPending({ sceneId: summary.sceneId, region: { kind: 'point', pixel } })
  }

  const addPending = (label: string) => {
    if (!pendingRegion) return
    setPending(null)
    if (pendingRegion.kind === 'point')
      onAddRegion({ label, point: [...pendingRegion.pixel] as [number, number] })
    else onAddRegion({ label, box: [...pendingRegion.box] as [number, number, number, number] })
  }

  const canvasStyle = {
    left: transform.offsetX,
    top: transform.offsetY,
    width: imageSize.width * transform.scale,
    height: imageSize.height * transform.scale,
    imageRendering: transform.scale * (imageSize.width / image.width) > 2 ? 'pixelated' : 'auto',
  } as const

  return (
    <section className="image-view" aria-label="Image view" data-measuring={isMeasuring}>
      <div
        ref={viewer.containerRef}
        className="image-stage"
        tabIndex={0}
        aria-label={`Colour image, ${summary.objects.length} objects; click to name a point, drag to draw a box, + and − to zoom, 0 to fit`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          gesture.current = null
          setDragBox(null)
        }}
        onPointerLeave={() => gesture.current === null && reportHover(null)}
        onKeyDown={(event) => {
          if (event.target === event.currentTarget && viewer.handleKey(event))
            event.preventDefault()
        }}
      >
        <canvas ref={imageCanvasRef} className="image-canvas" style={canvasStyle} />
        <canvas ref={maskCanvasRef} className="image-canvas image-masks" style={canvasStyle} />
        <ImageOverlay
          transform={transform}
          viewSize={viewSize}
          summary={summary}
          emphasisedName={highlightedName}
          selectedName={props.selectedName ?? null}
          answerNames={props.answerNames ?? NO_NAMES}
          regions={regions}
          draft={dragBox ?? pendingRegion}
          picks={props.picks}
          measurement={props.measurement}
        />
      </div>
      <select
        className="image-layer"
        aria-label="Image layer"
        value={layer}
        onChange={(event) => setLayer(event.target.value as ImageLayer)}
      >
        {IMAGE_LAYERS.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      {!isMeasuring && !pendingRegion && (
        <p className="image-hint">
          Click an object to name it · drag a box · wheel or + − to zoom · Shift-drag to pan
        </p>
      )}
      {pendingRegion && (
        <RegionLabelForm
          key={JSON.stringify(pendingRegion)}
          kind={pendingRegion.kind}
          {...formPosition(pendingRegion, (p) => viewFromImage(transform, p), viewSize)}
          onSubmit={addPending}
          onCancel={() => {
            setPending(null)
            viewer.containerRef.current?.focus()
          }}
        />
      )}
      <ZoomControls
        zoom={viewer.viewport.zoom}
        onZoom={(factor) => viewer.zoomBy(factor)}
        onFit={viewer.fit}
      />
    </section>
  )
}

const FORM_WIDTH_PX = 260
const FORM_HEIGHT_PX = 64

/** Just below the region (the point, or the box's lower-left corner), kept inside the view. */
function formPosition(
  region: DraftRegion,
  toView: (pointInImage: Point2) => [number, number],
  view: Size2,
): { left: number; top: number } {
  const [x, y] =
    region.kind === 'point'
      ? toView([region.pixel[0] + 0.5, region.pixel[1] + 0.5])
      : toView([region.box[0], region.box[3]])
  return {
    left: Math.max(
      8,
      Math.min(view.width - FORM_WIDTH_PX - 8, x + (region.kind === 'point' ? 12 : 0)),
    ),
    top: Math.max(8, Math.min(view.height - FORM_HEIGHT_PX - 8, y + 10)),
  }
}
