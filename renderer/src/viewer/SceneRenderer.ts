import { Matrix4, PerspectiveCamera, Scene, Vector3, type Group, type WebGLRenderer } from 'three'
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js'
import type { SceneResult } from '../../../main/contract/channels'
import type { AnswerJson } from '../../../main/contract/answerSchema'

/** What the views draw for an answer or a verified statement: its objects and its geometry. */
export type ShownAnswer = Pick<AnswerJson, 'objects' | 'geometry'>
import { answerGeometrySchema, buildAnswerGeometry } from './buildAnswerGeometry'
import { buildMeasureMarks, type MeasureMarks } from './buildMeasureMarks'
import type { ObjectBox } from './buildObjectBox'
import { buildSceneContent, type SceneContent } from './buildSceneContent'
import { createOrbitControls, createWebGlRenderer, createWorldRoot } from './createViewerParts'
import { installDebugHook, type DebugHookName } from './debugHook'
import { disposeObject } from './disposeObject'
import { frameCamera } from './frameCamera'
import { labelPriority } from '../layout/declutterLabels'
import { ObjectLabelLayer } from './ObjectLabelLayer'
import { boxEmphasisOf, labelEmphasisOf, type EmphasisState } from './objectEmphasis'
import { pickScene, type ScenePick } from './pickScene'
import { clientFromNdc, ndcFromClient } from './screenCoordinates'
import { threeFromWorldMatrix } from './worldFrame'
import { buildLiveOverlay, type LiveOverlay } from './buildLiveOverlay'

const FIELD_OF_VIEW_DEG = 50

/**
 * The 3D view, imperative three.js: it owns the WebGL renderer, the DOM label layer, the camera and
 * its orbit controls, and draws a scene result and an answer. React calls its methods from effects;
 * it renders only when something changed (controls, content, size). `dispose()` frees everything.
 */
export class SceneRenderer {
  private readonly renderer: WebGLRenderer = createWebGlRenderer()
  private readonly labels = new CSS2DRenderer()
  /** Object names, decluttered (answer and measure labels stay CSS2D, drawn above them). */
  private readonly objectLabels = new ObjectLabelLayer()
  private readonly scene = new Scene()
  private readonly camera = new PerspectiveCamera(FIELD_OF_VIEW_DEG, 1, 0.01, 100)
  private readonly controls: OrbitControls
  /** Holds everything placed in world coordinates; carries the world→three conversion. */
  private readonly worldRoot = createWorldRoot()
  private readonly resizeObserver: ResizeObserver
  private readonly removeDebugHook: () => void
  /** The drawn scene result (cloud, boxes, plane, camera), with its bounds for framing. */
  private content: SceneContent | null = null
  private answer: Group | null = null
  private measure: Group | null = null
  /** A robot source's tracks and TF frames. */
  private overlay: Group | null = null
  private objectNameOfId = new Map<number, string>()
  private readonly emphasis: EmphasisState = {
    hoveredName: null,
    selectedName: null,
    answerNames: new Set(),
    measureNames: new Set(),
  }
  private needsRender = true
  /** Whether the scene on screen is a stream's frame that was framed (the next ones keep the view). */
  private isStreaming = false
  private isInFixedFrame = false
  /** Frames drawn so far (the debug hook's renderedFrames, for the frame-rate bench). */
  private renderedFrames = 0
  /** The view's size in CSS pixels (the label layout's viewport). */
  private readonly viewSize = { width: 1, height: 1 }

  /** @param debugHook where the debug hook goes: a second view (the dataset panel's) uses its own name. */
  constructor(
    private readonly container: HTMLElement,
    debugHook: DebugHookName = '__spatialLensDebug',
  ) {
    this.labels.domElement.className = 'viewer-labels'
    container.append(this.renderer.domElement, this.objectLabels.element, this.labels.domElement)
    this.scene.add(this.worldRoot)
    this.controls = createOrbitControls(this.camera, this.renderer.domElement, this.requestRender)

    this.resizeObserver = new ResizeObserver(() => this.resize())
    this.resizeObserver.observe(container)
    this.resize()
    this.frameView()
    this.removeDebugHook = installDebugHook(this.scene, debugHook, {
      screenPointOf: (name) => this.screenPointOf(name),
      cameraPosition: () => this.camera.position.toArray() as [number, number, number],
      renderedFrames: () => this.renderedFrames,
      setOrbiting: (isOrbiting) => {
        this.controls.autoRotate = isOrbiting
        this.controls.autoRotateSpeed = 6
      },
    })
    this.renderer.setAnimationLoop(this.tick)
  }

  /**
   * Replaces the drawn scene (cloud, boxes, plane, camera) and frames it (`keepView`: the next frame
   * of a stream keeps the user's view once it has been framed); null clears.
   */
  setScene(
    result: Pick<SceneResult, 'summary' | 'cloud'> | null,
    options: { keepView?: boolean } = {},
  ): void {
    this.setAnswer(null)
    this.setMeasure(null)
    if (this.content) disposeObject(this.content.group)
    this.content = result ? buildSceneContent(result) : null
    if (this.content) this.worldRoot.add(this.content.group)
    this.objectNameOfId = new Map(result?.summary.objects.map((object) => [object.id, object.name]))
    this.objectLabels.setLabels(
      this.boxes.map((box) => ({
        element: box.label,
        anchor: box.labelAnchor,
        color: box.color,
        priority: 0,
      })),
    )
    this.updateEmphasis()
    // A stream's first frame is framed; its next frames keep whatever view the user chose.
    if (!options.keepView || !this.isStreaming) this.frameView()
    this.isStreaming = options.keepView === true && result !== null
  }

  /** Draws a robot source's tracks and TF frames (world frame); null clears. */
  setOverlay(overlay: LiveOverlay | null): void {
    if (this.overlay) disposeObject(this.overlay)
    this.overlay = overlay ? buildLiveOverlay(overlay) : null
    if (this.overlay) this.worldRoot.add(this.overlay)
    this.requestRender()
  }

  /**
   * Shows the scene in a robot's fixed frame: `fixedFromWorld` (4×4 column-major, from TF) is put
   * between the world and three.js axes; null shows the scene's own gravity-aligned frame.
   */
  setFixedFrame(fixedFromWorld: readonly number[] | null): void {
    const matrix = threeFromWorldMatrix()
    if (fixedFromWorld) matrix.multiply(new Matrix4().fromArray(fixedFromWorld))
    this.worldRoot.matrix.copy(matrix)
    this.worldRoot.matrixWorldNeedsUpdate = true
    // Entering or leaving the fixed frame moves everything: frame it again (per-frame updates do not).
    if (this.isInFixedFrame !== (fixedFromWorld !== null)) this.frameView()
    this.isInFixedFrame = fixedFromWorld !== null
    this.requestRender()
  }

  /** Draws an answer's geometry (segment, arrow) and highlights the objects it refers to; null clears. */
  setAnswer(answer: ShownAnswer | null): void {
    if (this.answer) disposeObject(this.answer)
    this.answer = null
    const answerNames = new Set(answer?.objects.map((object) => object.name) ?? [])
    this.emphasis.answerNames = answerNames
    const geometry = answerGeometrySchema.safeParse(answer?.geometry)
    if (answer && geometry.success) {
      if (geometry.data.kind === 'highlight')
        for (const name of geometry.data.names) answerNames.add(name)
      this.answer = buildAnswerGeometry(geometry.data)
      if (this.answer) this.worldRoot.add(this.answer)
    }
    this.updateEmphasis()
  }

  /** Draws Measure mode's picks and measured segment, emphasising picked objects; null clears. */
  setMeasure(marks: MeasureMarks | null): void {
    if (this.measure) disposeObject(this.measure)
    this.measure = marks ? buildMeasureMarks(marks) : null
    if (this.measure) this.worldRoot.add(this.measure)
    this.emphasis.measureNames = new Set(marks?.objectNames ?? [])
    this.updateEmphasis()
  }

  /** What lies under a pointer position (client pixels): an object and/or a cloud point; null for none. */
  pickAt(clientX: number, clientY: number): ScenePick | null {
    const rect = this.renderer.domElement.getBoundingClientRect()
    if (rect.width === 0 || rect.height === 0) return null
    this.scene.updateMatrixWorld()
    this.camera.updateMatrixWorld()
    const targets = {
      camera: this.camera,
      cloud: this.content?.cloud ?? null,
      boxes: this.boxes.map((box) => box.group),
      objectNameOfId: this.objectNameOfId,
    }
    const [ndcX, ndcY] = ndcFromClient(rect, clientX, clientY)
    return pickScene(targets, ndcX, ndcY, Math.max(0.005, 1.5 * (this.content?.pointSizeM ?? 0.01)))
  }

  /** The object under the pointer in the panel (or selected there), drawn emphasised; null for none. */
  setHoveredObject(name: string | null): void {
    this.emphasis.hoveredName = name
    this.updateEmphasis()
  }

  /** The object selected in the panel: its label keeps first priority; null for none. */
  setSelectedObject(name: string | null): void {
    this.emphasis.selectedName = name
    this.updateEmphasis()
  }

  /** Looks at the bulk of the cloud from behind and above the sensor, as the frame was taken. */
  frameView(): void {
    this.stopGlide()
    frameCamera(this.camera, this.controls.target, {
      bounds: this.content?.bounds ?? null,
      cameraCenter: this.content?.cameraCenter ?? null,
      threeFromWorld: this.worldRoot.matrix,
    })
    this.controls.update()
    this.requestRender()
  }

  dispose(): void {
    this.renderer.setAnimationLoop(null)
    this.resizeObserver.disconnect()
    this.controls.removeEventListener('change', this.requestRender)
    this.controls.dispose()
    this.removeDebugHook()
    this.objectLabels.dispose()
    disposeObject(this.worldRoot)
    this.renderer.dispose()
    this.renderer.domElement.remove()
    this.labels.domElement.remove()
  }

  /**
   * Ends the orbit's damping glide, so a reset camera stays where it is put: one update without
   * damping applies what is left of the glide and clears it.
   */
  private stopGlide(): void {
    this.controls.enableDamping = false
    this.controls.update()
    this.controls.enableDamping = true
  }

  /** The drawn objects' boxes, in the scene's order (the label layer's indices). */
  private get boxes(): ObjectBox[] {
    return this.content?.boxes ?? []
  }

  private readonly requestRender = (): void => {
    this.needsRender = true
  }

  private readonly tick = (): void => {
    // update() returns true while damping (or auto-rotation) still moves the camera.
    const isMoving = this.controls.update()
    if (!isMoving && !this.needsRender) return
    this.needsRender = false
    this.renderer.render(this.scene, this.camera)
    this.labels.render(this.scene, this.camera)
    // After render: the anchors' world matrices and the camera's inverse are current.
    this.objectLabels.update(this.camera, this.viewSize.width, this.viewSize.height)
    this.renderedFrames++
  }

  private resize(): void {
    const width = Math.max(1, this.container.clientWidth)
    const height = Math.max(1, this.container.clientHeight)
    this.renderer.setSize(width, height)
    this.labels.setSize(width, height)
    this.viewSize.width = width
    this.viewSize.height = height
    this.camera.aspect = width / height
    this.camera.updateProjectionMatrix()
    this.requestRender()
  }

  private updateEmphasis(): void {
    this.boxes.forEach((box, index) => {
      box.setEmphasis(boxEmphasisOf(box.name, this.emphasis))
      this.objectLabels.setPriority(
        index,
        labelPriority(labelEmphasisOf(box.name, this.emphasis), box.volumeM3),
      )
    })
    this.requestRender()
  }

  /** Client-pixel position of an object's box centre (tests click there); null when not drawn. */
  private screenPointOf(name: string): { x: number; y: number } | null {
    const box = this.boxes.find((candidate) => candidate.name === name)
    if (!box) return null
    this.scene.updateMatrixWorld()
    this.camera.updateMatrixWorld()
    const ndc = box.group.getWorldPosition(new Vector3()).project(this.camera)
    return clientFromNdc(this.renderer.domElement.getBoundingClientRect(), ndc.x, ndc.y)
  }
}
