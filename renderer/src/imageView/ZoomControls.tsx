export interface ZoomControlsProps {
  /** Zoom relative to the fitted image (1 = whole image). */
  zoom: number
  onZoom(factor: number): void
  onFit(): void
}

/** The image view's zoom buttons (the keyboard has + − 0 on the focused image as well). */
export function ZoomControls({ zoom, onZoom, onFit }: ZoomControlsProps) {
  return (
    <div className="image-zoom" role="group" aria-label="Zoom">
      <button
        type="button"
        onClick={() => onZoom(1 / 1.25)}
        aria-label="Zoom out"
        title="Zoom out (−)"
      >
        −
      </button>
      <span className="image-zoom-value" aria-live="polite">
        {Math.round(zoom * 100)}%
      </span>
      <button type="button" onClick={() => onZoom(1.25)} aria-label="Zoom in" title="Zoom in (+)">
        +
      </button>
      <button type="button" onClick={onFit} title="Fit the whole image (0)">
        Fit
      </button>
    </div>
  )
}
