import type { Object3D } from 'three'

/** Read-only view of the scene graph for end-to-end tests and bug reports, plus the frame-rate bench's switch. */
export interface SpatialLensDebug {
  /** Names of the object boxes, found by traversing the three.js scene (userData.kind 'object-box'). */
  objectNames(): string[]
  /** Points in the drawn cloud(s). */
  pointCount(): number
  /** Labels of the robot source's track boxes drawn now ("#3 grey object"). */
  trackLabels(): string[]
  /** TF frames drawn now (frame ids). */
  tfFrames(): string[]
  /** Answer lines (segments and arrows) drawn now. */
  answerLines(): number
  /** Measure mode's measured lines drawn now. */
  measureLines(): number
  /** Measure mode's picked points drawn now. */
  measurePoints(): number
  /** Where an object's box centre is on screen (client pixels), or null. */
  screenPointOf(name: string): { x: number; y: number } | null
  /** Frames the viewer has drawn since it started (it draws only when something changed). */
  renderedFrames(): number
  /** Orbits the view every frame, as a user dragging without pause would (frame-rate bench). */
  setOrbiting(isOrbiting: boolean): void
  /** Where the view's camera is (three.js coordinates), to check orbiting and "reset view". */
  cameraPosition(): [number, number, number]
}

/** What the hook reads from the viewer besides its scene graph. */
export interface DebugViewerAccess {
  screenPointOf(name: string): { x: number; y: number } | null
  renderedFrames(): number
  setOrbiting(isOrbiting: boolean): void
  cameraPosition(): [number, number, number]
}

declare global {
  interface Window {
    /** The app's 3D view. */
    __spatialLensDebug?: SpatialLensDebug
    /** The Dataset panel's 3D view of a sample. */
    __spatialLensDatasetDebug?: SpatialLensDebug
  }
}

/** Where a view's hook goes on `window`. */
export type DebugHookName = '__spatialLensDebug' | '__spatialLensDatasetDebug'

/** Installs `window[name]` over `root`; the returned function removes it again. */
export function installDebugHook(
  root: Object3D,
  name: DebugHookName,
  viewer: DebugViewerAccess,
): () => void {
  const byKind = (kind: string): Object3D[] => {
    const found: Object3D[] = []
    root.traverse((object) => {
      if (object.userData.kind === kind) found.push(object)
    })
    return found
  }
  const hook: SpatialLensDebug = Object.freeze({
    objectNames: () => byKind('object-box').map((object) => object.name),
    pointCount: () =>
      byKind('point-cloud').reduce((sum, object) => {
        const geometry = (
          object as Object3D & {
            geometry?: { getAttribute(name: string): { count: number } | undefined }
          }
        ).geometry
        return sum + (geometry?.getAttribute('position')?.count ?? 0)
      }, 0),
    trackLabels: () => byKind('track-box').map((object) => object.name),
    tfFrames: () => byKind('tf-frame').map((object) => object.name),
    answerLines: () => byKind('answer-line').length,
    measureLines: () => byKind('measure-line').length,
    measurePoints: () => byKind('measure-point').length,
    screenPointOf: (name: string) => viewer.screenPointOf(name),
    renderedFrames: () => viewer.renderedFrames(),
    setOrbiting: (isOrbiting: boolean) => viewer.setOrbiting(isOrbiting),
    cameraPosition: () => viewer.cameraPosition(),
  })
  window[name] = hook
  return () => {
    if (window[name] === hook) delete window[name]
  }
}
