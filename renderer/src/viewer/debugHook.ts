import type { Camera, Object3D } from 'three'

/** Read-only view of the scene graph for end-to-end tests and bug reports. */
export interface SpatialLensDebug {
  /** Names of the object boxes, found by traversing the three.js scene (userData.kind 'object-box'). */
  objectNames(): string[]
  /** Points in the drawn cloud(s). */
  pointCount(): number
  /** Answer lines (segments and arrows) drawn now. */
  answerLines(): number
  /** Where the view's camera is (three.js coordinates), to check orbiting and "reset view". */
  cameraPosition(): [number, number, number]
}

declare global {
  interface Window {
    __spatialLensDebug?: SpatialLensDebug
  }
}

/** Installs `window.__spatialLensDebug` over `root` and `camera`; the returned function removes it again. */
export function installDebugHook(root: Object3D, camera: Camera): () => void {
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
    answerLines: () => byKind('answer-line').length,
    cameraPosition: () => camera.position.toArray() as [number, number, number],
  })
  window.__spatialLensDebug = hook
  return () => {
    if (window.__spatialLensDebug === hook) delete window.__spatialLensDebug
  }
}
