import { AxesHelper, Color, Group, WebGLRenderer, type PerspectiveCamera } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { threeFromWorldMatrix } from './worldFrame'

const BACKGROUND = '#0d1015'

/** The WebGL renderer with the viewer's look (pixel ratio capped at 2, dark background). */
export function createWebGlRenderer(): WebGLRenderer {
  const renderer = new WebGLRenderer({ antialias: true })
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2))
  renderer.setClearColor(new Color(BACKGROUND))
  renderer.domElement.className = 'viewer-canvas'
  return renderer
}

/**
 * The group that holds everything placed in world coordinates: its matrix (set by hand, not from
 * position/rotation) carries the world→three.js conversion; it shows the world axes.
 */
export function createWorldRoot(): Group {
  const worldRoot = new Group()
  worldRoot.name = 'world'
  worldRoot.matrixAutoUpdate = false
  worldRoot.matrix.copy(threeFromWorldMatrix())
  const axes = new AxesHelper(0.1)
  axes.name = 'world axes'
  worldRoot.add(axes)
  return worldRoot
}

/** Damped orbit controls on the canvas; `onChange` runs whenever they move the camera. */
export function createOrbitControls(
  camera: PerspectiveCamera,
  canvas: HTMLElement,
  onChange: () => void,
): OrbitControls {
  const controls = new OrbitControls(camera, canvas)
  controls.enableDamping = true
  controls.dampingFactor = 0.12
  controls.addEventListener('change', onChange)
  return controls
}
