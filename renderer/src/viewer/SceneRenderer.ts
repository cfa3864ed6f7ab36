import {
  AxesHelper,
  Color,
  Group,
  Matrix4,
  PerspectiveCamera,
  Scene,
  Vector3,
  WebGLRenderer,
  type Points,
} from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js'
import type { SceneResult } from '../../../main/contract/channels'
import type { SceneCloud } from '../../../main/contract/sceneSchema'
import type { AnswerJson } from '../../../main/contract/answerSchema'

/** What the views draw for an answer or a verified statement: its objects and its geometry. */
export type ShownAnswer = Pick<AnswerJson, 'objects' | 'geometry'>
import { answerGeometrySchema, buildAnswerGeometry } from './buildAnswerGeometry'
import { cameraCenterInWorld, buildCameraFrustum } from './buildCameraFrustum'
import { buildMeasureMarks, type MeasureMarks } from './buildMeasureMarks'
import { buildObjectBox, type ObjectBox } from './buildObjectBox'
import { buildPointCloud, pointSizeFor } from './buildPointCloud'
import { buildSupportPlane } from './buildSupportPlane'
import { installDebugHook, type DebugHookName } from './debugHook'
import { disposeObject } from './disposeObject'
import { labelPriority } from '../layout/declutterLabels'
import { ObjectLabelLayer } from './ObjectLabelLayer'
import { pickScene, type ScenePick } from './pickScene'
import { boundsCenter, boundsRadius, boxesBounds, robustBounds } from './sceneBounds'
import type { WorldBounds } from './sceneBounds'
import { threeFromWorldMatrix, type WorldVec3 } from './worldFrame'
import { buildLiveOverlay, type LiveOverlay } from './buildLiveOverlay'

const BACKGROUND = '#0d1015'
const FIELD_OF_VIEW_DEG = 50

/**
 * The 3D view, imperative three.js: it owns the WebGL renderer, the DOM label layer, the camera and
 * its orbit controls, and draws a scene result and an answer. React calls its methods from effects;
 * it renders only when something changed (controls, content, size). `dispose()` frees everything.
 */
export class SceneRenderer {
  private readonly renderer: WebGLRenderer
  private readonly labels = new CSS2DRenderer()
  /** Object names, decluttered (answer and measure labels stay CSS2D, drawn above them). */
  private readonly objectLabels = new ObjectLabelLayer()
  private readonly scene = new Scene()
  private readonly camera = new PerspectiveCamera(FIELD_OF_VIEW_DEG, 1, 0.01, 100)
  private readonly controls: OrbitControls
  /** Holds everything placed in world coordinates; carries the world→three conversion. */
  private readonly worldRoot = new Group()
  private readonly resizeObserver: ResizeObserver
  private readonly removeDebugHook: () => void
  private content: Group | null = null
  private answer: Group | null = null
  private measure: Group | null = null
  /** A robot source's tracks and TF frames. */
  private overlay: Group | null = null
  private boxes: ObjectBox[] = []
  private cloud: { points: Points; data: SceneCloud } | null = null
  private objectNameOfId = new Map<number, string>()
  private pointSizeM = 0.01
  private bounds: WorldBounds | null = null
  private cameraCenter: WorldVec3 | null = null
  private hoveredName: string | null = null
  private selectedName: string | null = null
  private answerNames = new Set<string>()
  private measureNames = new Set<string>()
  private needsRender = true
  /** Whether the scene on screen is a stream's frame that was framed (the next ones keep the view). */
  private isStreaming = false
  private isInFixedFrame = false
  /** Scratch vectors for framing (reused, never allocated per frame). */
  private readonly target = new Vector3()
  /** Frames drawn so far (the debug hook's renderedFrames, for the frame-rate bench). */
  private renderedFrames = 0
  private readonly offset = new Vector3()
  /** The view's size in CSS pixels (the label layout's viewport). */
  private readonly viewSize = { width: 1, height: 1 }

  /** @param debugHook where the debug hook goes: a second view (the dataset panel's) uses its own name. */
  constructor(
    private readonly container: HTMLElement,
    debugHook: DebugHookName = '__spatialLensDebug',
  ) {
    this.renderer = new WebGLRenderer({ antialias: true })
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2))
    this.renderer.setClearColor(new Color(BACKGROUND))
    this.renderer.domElement.className = 'viewer-canvas'
    this.labels.domElement.className = 'viewer-labels'
    container.append(this.renderer.domElement, this.objectLabels.element, this.labels.domElement)

    this.worldRoot.name = 'world'
    this.worldRoot.matrixAutoUpdate = false
    this.worldRoot.matrix.copy(threeFromWorldMatrix())
    const axes = new AxesHelper(0.1)
    axes.name = 'world axes'
    this.worldRoot.add(axes)
    this.scene.add(this.worldRoot)

    this.controls = new OrbitControls(this.camera, this.renderer.domElement)
    this.controls.enableDamping = true
    this.controls.dampingFactor = 0.12
    this.controls.addEventListener('change', this.requestRender)

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
    if (this.content) disposeObject(this.content)
    this.content = null
    this.boxes = []
    this.cloud = null
    this.objectNameOfId = new Map(result?.summary.objects.map((object) => [object.id, object.name]))
    this.bounds = null
    this.cameraCenter = null
    if (result) {
      const { summary, cloud } = result
      // Without points (a dataset without --with-points), the boxes bound the scene.
      this.bounds = robustBounds(cloud.positionsInWorld) ?? boxesBounds(summary.objects)
      this.cameraCenter = cameraCenterInWorld(summary.worldFromCamera)
      const content = new Group()
      content.name = 'scene content'
      const typicalDepth = this.bounds ? distance(this.cameraCenter, boundsCenter(this.bounds)) : 1
      this.pointSizeM = pointSizeFor(typicalDepth, summary.intrinsics.fx)
      const points = buildPointCloud(cloud, this.pointSizeM)
      this.cloud = { points, data: cloud }
      content.add(points)
      if (this.bounds) content.add(buildSupportPlane(this.bounds))
      content.add(buildCameraFrustum(summary))
      this.boxes = summary.objects.map((object, index) => buildObjectBox(object, index))
      for (const box of this.boxes) content.add(box.group)
      this.worldRoot.add(content)
      this.content = content
    }
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
    this.answerNames = new Set(answer?.objects.map((object) => object.name) ?? [])
    const geometry = answerGeometrySchema.safeParse(answer?.geometry)
    if (answer && geometry.success) {
      if (geometry.data.kind === 'highlight')
        for (const name of geometry.data.names) this.answerNames.add(name)
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
    this.measureNames = new Set(marks?.objectNames ?? [])
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
      cloud: this.cloud,
      boxes: this.boxes.map((box) => box.group),
      objectNameOfId: this.objectNameOfId,
    }
    const ndcX = ((clientX - rect.left) / rect.width) * 2 - 1
    const ndcY = -((clientY - rect.top) / rect.height) * 2 + 1
    return pickScene(targets, ndcX, ndcY, Math.max(0.005, 1.5 * this.pointSizeM))
  }

  /** The object under the pointer in the panel (or selected there), drawn emphasised; null for none. */
  setHoveredObject(name: string | null): void {
    this.hoveredName = name
    this.updateEmphasis()
  }

  /** The object selected in the panel: its label keeps first priority; null for none. */
  setSelectedObject(name: string | null): void {
    this.selectedName = name
    this.updateEmphasis()
  }

  /** Looks at the bulk of the cloud from behind and above the sensor, as the frame was taken. */
  frameView(): void {
    this.stopGlide()
    if (!this.bounds) {
      this.camera.position.set(1.5, 1.2, 1.5)
      this.controls.target.set(0, 0, 0)
    } else {
      this.toView(boundsCenter(this.bounds), this.target)
      const radius = Math.max(boundsRadius(this.bounds), 0.3)
      if (this.cameraCenter) this.toView(this.cameraCenter, this.offset).sub(this.target)
      else this.offset.set(0, 1, 1)
      this.offset.y = Math.max(this.offset.y, 0) + this.offset.length() * 0.35
      const distanceToTarget = (radius / Math.sin(((FIELD_OF_VIEW_DEG / 2) * Math.PI) / 180)) * 0.8
      this.offset.setLength(distanceToTarget)
      this.camera.position.copy(this.target).add(this.offset)
      this.controls.target.copy(this.target)
      this.camera.near = distanceToTarget / 200
      this.camera.far = distanceToTarget * 30
      this.camera.updateProjectionMatrix()
    }
    this.controls.update()
    this.requestRender()
  }

  /** A world point in three.js coordinates, through the world root (and the fixed frame when set). */
  private toView(pointInWorld: WorldVec3, target: Vector3): Vector3 {
    return target.set(...pointInWorld).applyMatrix4(this.worldRoot.matrix)
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
      const emphasis =
        box.name === this.hoveredName
          ? 'hover'
          : this.answerNames.has(box.name) || this.measureNames.has(box.name)
            ? 'answer'
            : 'normal'
      box.setEmphasis(emphasis)
      const isFirst = emphasis === 'hover' || box.name === this.selectedName
      this.objectLabels.setPriority(
        index,
        labelPriority(isFirst ? 'hover' : emphasis, box.volumeM3),
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
    const rect = this.renderer.domElement.getBoundingClientRect()
    return {
      x: rect.left + ((ndc.x + 1) / 2) * rect.width,
      y: rect.top + ((1 - ndc.y) / 2) * rect.height,
    }
  }
}

function distance(a: WorldVec3, b: WorldVec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
}
