import {
  BoxGeometry,
  BufferGeometry,
  Color,
  EdgesGeometry,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineDashedMaterial,
  LineSegments,
} from 'three'
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js'
import type { TfFrameJson, TrackJson } from '../../../main/contract/sourceSchema'

/** What a robot source adds to the 3D view on top of the frame's scene. */
export interface LiveOverlay {
  tracks: TrackJson[]
  tfFrames: TfFrameJson[]
}

/** Length of the drawn TF axes, metres (small: frames sit close together on a robot arm). */
const AXIS_LENGTH_M = 0.08
const TRACK_COLORS = ['#f5f5f5', '#ffe08a', '#9be7ff', '#c5f59a', '#ffb3c7', '#d7c4ff']

/** The track's colour, by id: a track keeps its colour as long as it keeps its id. */
export function trackColor(id: number): string {
  return TRACK_COLORS[id % TRACK_COLORS.length]
}

function label(text: string, className: string, color?: string): CSS2DObject {
  const element = document.createElement('div')
  element.className = className
  element.textContent = text
  if (color) element.style.setProperty('--track-color', color)
  return new CSS2DObject(element)
}

/**
 * One smoothed track box (world frame, like object boxes: centred, yawed about z, height along z),
 * dashed while tentative or coasting, labelled "#id name". `name` is the label text and
 * `userData.kind` is 'track-box' (the scene-graph queries of the tests rely on both).
 */
function buildTrackBox(track: TrackJson): Group {
  const group = new Group()
  const text = `#${track.id} ${track.name}`
  group.name = text
  group.userData.kind = 'track-box'
  group.userData.trackId = track.id
  group.position.set(...track.centerInWorld)
  group.rotation.z = track.yawRad
  const { width, depth, height } = track.sizeM
  const color = new Color(trackColor(track.id))
  const isSteady = track.isConfirmed && track.isSeen
  const material = isSteady
    ? new LineBasicMaterial({ color })
    : new LineDashedMaterial({ color, dashSize: 0.01, gapSize: 0.01 })
  const edges = new LineSegments(new EdgesGeometry(new BoxGeometry(width, depth, height)), material)
  if (!isSteady) edges.computeLineDistances()
  const tag = label(text, 'track-label', `#${color.getHexString()}`)
  tag.position.set(0, 0, height / 2 + 0.02)
  group.add(edges, tag)
  return group
}

/** A TF frame as three short axes (x red, y green, z blue) and its name. `userData.kind` 'tf-frame'. */
function buildTfAxes(frame: TfFrameJson): Group {
  const group = new Group()
  group.name = frame.frameId
  group.userData.kind = 'tf-frame'
  const o = frame.originInWorld
  const positions: number[] = []
  const colors: number[] = []
  const axes = [frame.xAxisInWorld, frame.yAxisInWorld, frame.zAxisInWorld]
  const rgb = [
    [1, 0.3, 0.3],
    [0.3, 1, 0.3],
    [0.35, 0.55, 1],
  ]
  axes.forEach((axis, i) => {
    positions.push(...o, ...axis.map((v, k) => o[k] + v * AXIS_LENGTH_M))
    colors.push(...rgb[i], ...rgb[i])
  })
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3))
  geometry.setAttribute('color', new Float32BufferAttribute(colors, 3))
  const lines = new LineSegments(geometry, new LineBasicMaterial({ vertexColors: true }))
  const tag = label(frame.frameId, 'tf-label')
  tag.position.set(o[0], o[1], o[2])
  group.add(lines, tag)
  return group
}

/** Tracks and TF frames in the world frame (add under the world root; dispose with disposeObject). */
export function buildLiveOverlay(overlay: LiveOverlay): Group {
  const root = new Group()
  root.name = 'live overlay'
  for (const track of overlay.tracks) root.add(buildTrackBox(track))
  for (const frame of overlay.tfFrames) root.add(buildTfAxes(frame))
  return root
}
