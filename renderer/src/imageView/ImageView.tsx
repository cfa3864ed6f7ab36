import { useMemo, useState } from 'react'
import type { RegionInput, SceneResult } from '../../../main/contract/channels'
import type { Measurement } from '../../../main/contract/measureSchema'
import type { MeasurePick } from '../state/measurePicks'
import { objectAtImagePoint } from './imageGeometry'
import { ImageLayerSelect } from './ImageLayerSelect'
import { ImageOverlay } from './ImageOverlay'
import { ImageStage } from './ImageStage'
import { RegionPrompt } from './RegionPrompt'
import { useImageCanvases } from './useImageCanvases'
import { useImageGestures } from './useImageGestures'
import { useImageViewport } from './useImageViewport'
import { ZoomControls } from './ZoomControls'
import type { ImageLayer } from './imageLayers'
import { usePendingRegion } from './usePendingRegion'
import { viewFromImage, type Size2 } from './viewport'

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

/**
 * The 2D view: the analysed colour image with each object's mask, 2D box and name, the user's
 * regions and Measure mode's picks. Click names a point region, drag a box region (an inline form
 * asks the label); wheel or +/− zoom at the pointer, Shift-drag or the middle button pans, 0 fits.
 * Hovering an object reports it (the 3D view and the panel emphasise it).
 */
export function ImageView(props: ImageViewProps) {
  const { scene, highlightedName, onHover, regions, onAddRegion, isMeasuring } = props
  const { summary, image } = scene
  const imageSize = useImageSize(summary.intrinsics)
  const viewer = useImageViewport(imageSize)
  const { transform, viewSize } = viewer
  const pending = usePendingRegion(summary.sceneId, isMeasuring, onAddRegion)
  const [layer, setLayer] = useState<ImageLayer>('photo')
  const canvases = useImageCanvases(scene, layer, highlightedName, transform)
  const { dragBox, handlers } = useImageGestures({
    transform,
    imageSize,
    isMeasuring,
    pan: viewer.pan,
    objectAt: (pointInImage) => objectAtImagePoint(pointInImage, summary.objects, image, imageSize),
    onHover,
    onRegion: pending.wait,
    onMeasurePick: props.onMeasurePick,
  })

  return (
    <section className="image-view" aria-label="Image view" data-measuring={isMeasuring}>
      <ImageStage
        viewer={viewer}
        handlers={handlers}
        canvases={canvases}
        objectCount={summary.objects.length}
      >
        <ImageOverlay
          transform={transform}
          viewSize={viewSize}
          summary={summary}
          emphasisedName={highlightedName}
          selectedName={props.selectedName ?? null}
          answerNames={props.answerNames ?? NO_NAMES}
          regions={regions}
          draft={dragBox ?? pending.pendingRegion}
          picks={props.picks}
          measurement={props.measurement}
        />
      </ImageStage>
      <ImageLayerSelect layer={layer} onChange={setLayer} />
      <RegionPrompt
        region={pending.pendingRegion}
        isMeasuring={isMeasuring}
        toView={(pointInImage) => viewFromImage(transform, pointInImage)}
        viewSize={viewSize}
        onSubmit={pending.submit}
        onCancel={() => {
          pending.cancel()
          viewer.containerRef.current?.focus()
        }}
      />
      <ZoomControls
        zoom={viewer.viewport.zoom}
        onZoom={(factor) => viewer.zoomBy(factor)}
        onFit={viewer.fit}
      />
    </section>
  )
}

/** The image size the intrinsics give: the same object while they stay the same (a viewport key). */
function useImageSize({ width, height }: Size2): Size2 {
  return useMemo(() => ({ width, height }), [width, height])
}
