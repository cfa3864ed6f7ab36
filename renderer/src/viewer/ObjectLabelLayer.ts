import { Vector3, type Camera, type Object3D } from 'three'
import { declutterLabels, type PlacedLabel } from '../layout/declutterLabels'

/** One object's label as the layer holds it. */
export interface LayerLabel {
  /** The label element (the layer adds it to its DOM and removes it again). */
  element: HTMLElement
  /** Where it points; its world matrix must be current when {@link ObjectLabelLayer.update} runs. */
  anchor: Object3D
  /** Leader line colour (CSS). */
  color: string
  priority: number
}

interface Entry extends LayerLabel {
  leader: SVGLineElement
  /** The declutter input, mutated in place every frame (no allocation per label per frame). */
  request: { anchorPx: [number, number]; widthPx: number; heightPx: number; priority: number }
}

const SVG_NS = 'http://www.w3.org/2000/svg'
/** Bottom of a label above its anchor (px), as the CSS2D labels sat before decluttering. */
const GAP_PX = 3
/** The corner where the view's "Reset view" button sits (viewer.css: 12 px in, 28 px high). */
const RESET_BUTTON_PX = { width: 120, height: 44 }

/**
 * The 3D view's object names, placed without overlaps: every drawn frame it projects the anchors to
 * the screen and lays the labels out with {@link declutterLabels}; a label that had to move gets a
 * leader line to its box, one that finds no room is hidden (`data-placement` says which: home,
 * moved, crowded, off-view).
 */
export class ObjectLabelLayer {
  readonly element: HTMLDivElement
  private readonly leaders: SVGSVGElement
  private entries: Entry[] = []
  private requests: Entry['request'][] = []
  private needsMeasure = false
  /** Scratch vector for the projection (reused, never allocated per frame). */
  private readonly projected = new Vector3()

  constructor() {
    this.element = document.createElement('div')
    this.element.className = 'viewer-object-labels'
    this.leaders = document.createElementNS(SVG_NS, 'svg')
    this.leaders.classList.add('viewer-leaders')
    this.element.append(this.leaders)
  }

  /** Replaces the labels (removing the previous ones from the DOM). */
  setLabels(labels: readonly LayerLabel[]): void {
    this.clear()
    this.entries = labels.map((label) => {
      const leader = document.createElementNS(SVG_NS, 'line')
      leader.style.stroke = label.color
      leader.style.display = 'none'
      label.element.dataset.placement = 'off-view'
      this.leaders.append(leader)
      this.element.append(label.element)
      const request = { anchorPx: [0, 0] as [number, number], widthPx: 0, heightPx: 0, priority: 0 }
      return { ...label, leader, request }
    })
    this.requests = this.entries.map((entry) => entry.request)
    this.needsMeasure = true
  }

  /** A label's priority changed (emphasis restyles it too, so its size is measured again). */
  setPriority(index: number, priority: number): void {
    const entry = this.entries[index]
    if (!entry) return
    entry.priority = priority
    this.needsMeasure = true
  }

  /** Lays the labels out for `camera` over a view of `width` × `height` CSS pixels. */
  update(camera: Camera, width: number, height: number): void {
    if (this.entries.length === 0) return
    if (this.needsMeasure) this.measure()
    for (const entry of this.entries) {
      const ndc = this.projected.setFromMatrixPosition(entry.anchor.matrixWorld).project(camera)
      // Outside −1…1 in depth: behind the camera or past its far plane; declutter hides NaN.
      const isInFront = ndc.z > -1 && ndc.z < 1
      entry.request.anchorPx[0] = isInFront ? ((ndc.x + 1) / 2) * width : Number.NaN
      entry.request.anchorPx[1] = isInFront ? ((1 - ndc.y) / 2) * height : Number.NaN
      entry.request.priority = entry.priority
    }
    const placed = declutterLabels(this.requests, {
      viewport: { width, height },
      gapPx: GAP_PX,
      obstacles: [
        {
          xPx: width - RESET_BUTTON_PX.width,
          yPx: 0,
          widthPx: RESET_BUTTON_PX.width,
          heightPx: RESET_BUTTON_PX.height,
        },
      ],
    })
    this.entries.forEach((entry, index) => apply(entry, placed[index]))
  }

  dispose(): void {
    this.clear()
    this.element.remove()
  }

  private clear(): void {
    for (const entry of this.entries) {
      entry.element.remove()
      entry.leader.remove()
    }
    this.entries = []
    this.requests = []
  }

  /**
   * Reads every label's size in one pass (reads before the writes of the layout: one reflow).
   * While the view is not displayed (another tab) labels measure 0: measure again next frame.
   */
  private measure(): void {
    let isMeasured = true
    for (const entry of this.entries) {
      entry.request.widthPx = entry.element.offsetWidth
      entry.request.heightPx = entry.element.offsetHeight
      if (entry.request.widthPx === 0) isMeasured = false
    }
    this.needsMeasure = !isMeasured
  }
}

function apply(entry: Entry, placed: PlacedLabel): void {
  const { element, leader } = entry
  element.dataset.placement = placed.placement
  if (placed.isVisible) element.style.transform = `translate(${placed.xPx}px, ${placed.yPx}px)`
  if (!placed.leader) {
    leader.style.display = 'none'
    return
  }
  leader.style.display = ''
  leader.setAttribute('x1', String(placed.leader.from[0]))
  leader.setAttribute('y1', String(placed.leader.from[1]))
  leader.setAttribute('x2', String(placed.leader.to[0]))
  leader.setAttribute('y2', String(placed.leader.to[1]))
}
