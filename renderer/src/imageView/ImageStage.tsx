import type { CSSProperties, ReactNode, RefObject } from 'react'
import type { useImageGestures } from './useImageGestures'
import type { ImageViewportState } from './useImageViewport'

export interface ImageStageProps {
  viewer: Pick<ImageViewportState, 'containerRef' | 'handleKey'>
  handlers: ReturnType<typeof useImageGestures>['handlers']
  canvases: {
    imageCanvasRef: RefObject<HTMLCanvasElement | null>
    maskCanvasRef: RefObject<HTMLCanvasElement | null>
    canvasStyle: CSSProperties
  }
  objectCount: number
  /** Drawn over the canvases (the overlay of boxes, names, regions and picks). */
  children: ReactNode
}

/**
 * The focusable stage the image is shown in: the image and mask canvases under the overlay; it
 * takes the pointer gestures and the zoom and pan keys.
 */
export function ImageStage({ viewer, handlers, canvases, objectCount, children }: ImageStageProps) {
  return (
    <div
      ref={viewer.containerRef}
      className="image-stage"
      tabIndex={0}
      aria-label={`Colour image, ${objectCount} objects; click to name a point, drag to draw a box, + and − to zoom, 0 to fit`}
      {...handlers}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && viewer.handleKey(event)) event.preventDefault()
      }}
    >
      <canvas ref={canvases.imageCanvasRef} className="image-canvas" style={canvases.canvasStyle} />
      <canvas
        ref={canvases.maskCanvasRef}
        className="image-canvas image-masks"
        style={canvases.canvasStyle}
      />
      {children}
    </div>
  )
}
