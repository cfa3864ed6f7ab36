import type { CSSProperties } from 'react'
import type { RegionInput } from '../../../main/contract/channels'
import type { Measurement } from '../../../main/contract/measureSchema'
import type { SceneSummary } from '../../../main/contract/sceneSchema'
import type { MeasurePick } from '../state/measurePicks'
import { boxColor } from '../viewer/buildObjectBox'
import type { DraftRegion } from './draftRegion'
import { projectToImage } from './imageGeometry'
import {
  layoutImageLabels,
  LABEL_HEIGHT_PX,
  type ImageEmphasis,
  type ImageLabel,
} from './imageLabels'
import { imageEmphasisOf } from './imageEmphasis'
import { labelTextWidthPx } from './labelTextWidth'
import { viewFromImage, type Point2, type Size2, type ViewTransform } from './viewport'

type PixelBox = readonly [number, number, number, number]

export type { DraftRegion } from './draftRegion'

export interface ImageOverlayProps {
  transform: ViewTransform
  /** The view's size (CSS px): names stay inside it. */
  viewSize: Size2
  summary: SceneSummary
  emphasisedName: string | null
  /** The object selected in the panel: its name is placed first like the emphasised one. */
  selectedName: string | null
  /** Objects of the shown answer or verdict (emphasis "answer"). */
  answerNames: readonly string[]
  regions: readonly RegionInput[]
  draft: DraftRegion | null
  picks: readonly MeasurePick[]
  measurement: Measurement | null
}

/**
 * Everything drawn over the image, in view pixels (an SVG the size of the view; it takes no pointer
 * events): each object's 2D box and name, the user's regions, the region being drawn, and Measure
 * mode's picks and line. Object groups carry `data-image-object` (the name) and `data-emphasis`;
 * the names are laid out after all boxes, without overlaps (`data-image-label`, `data-placement`).
 */
export function ImageOverlay(props: ImageOverlayProps) {
  const { transform, viewSize, summary, regions, draft, picks, measurement } = props
  const toView = (point: Point2) => viewFromImage(transform, point)
  const project = (pointInWorld: readonly [number, number, number]) => {
    const pixel = projectToImage(summary.worldFromCamera, summary.intrinsics, pointInWorld)
    return pixel ? toView(pixel) : null
  }
  const emphasisOf = imageEmphasisOf(props)
  const labels = layoutImageLabels(
    summary.objects.map((object) => ({
      ...object,
      emphasis: emphasisOf(object.name),
      isSelected: object.name === props.selectedName,
    })),
    toView,
    viewSize,
    labelTextWidthPx,
  )
  const colorOf = new Map(summary.objects.map((object, index) => [object.name, boxColor(index)]))
  return (
    <svg className="image-overlay" aria-hidden="true">
      <ObjectBoxes objects={summary.objects} emphasisOf={emphasisOf} toView={toView} />
      <g className="image-labels">
        {labels.map((label) => (
          <ObjectLabel
            key={label.name}
            label={label}
            emphasis={emphasisOf(label.name)}
            color={colorOf.get(label.name) ?? 'currentColor'}
          />
        ))}
      </g>
      {regions.map((region, index) => (
        <RegionMark key={index} region={region} toView={toView} />
      ))}
      {draft && <DraftMark draft={draft} toView={toView} />}
      {picks.map((pick, index) => {
        const at = pick.kind === 'point' ? project(pick.pointInWorld) : null
        return at ? (
          <circle key={index} className="image-measure-point" cx={at[0]} cy={at[1]} r={5} />
        ) : null
      })}
      {measurement && <MeasureLine measurement={measurement} project={project} />}
    </svg>
  )
}

type ToView = (point: Point2) => [number, number]

function rectProps(box: PixelBox, toView: ToView) {
  const [x0, y0] = toView([box[0], box[1]])
  const [x1, y1] = toView([box[2], box[3]])
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}

/** Each object's 2D box in its colour (objects without one are skipped; the group keeps the index's colour). */
function ObjectBoxes(props: {
  objects: SceneSummary['objects']
  emphasisOf(name: string): ImageEmphasis
  toView: ToView
}) {
  return props.objects.map((object, index) =>
    object.boxInImagePx ? (
      <g
        key={object.id}
        className="image-object"
        data-image-object={object.name}
        data-emphasis={props.emphasisOf(object.name)}
        style={{ '--box-color': boxColor(index) } as CSSProperties}
      >
        <rect className="image-box" {...rectProps(object.boxInImagePx, props.toView)} />
      </g>
    ) : null,
  )
}

/** The region being drawn or waiting for its label. */
function DraftMark({ draft, toView }: { draft: DraftRegion; toView: ToView }) {
  if (draft.kind === 'box')
    return <rect className="image-draft" {...rectProps(draft.box, toView)} />
  const [x, y] = toView(draft.pixel)
  return <circle className="image-draft" cx={x} cy={y} r={6} />
}

function LabelAt({ point, text }: { point: Point2; text: string }) {
  return (
    <text className="image-label" x={point[0] + 4} y={point[1] - 6}>
      {text}
    </text>
  )
}

function ObjectLabel(props: { label: ImageLabel; emphasis: ImageEmphasis; color: string }) {
  const { label, emphasis, color } = props
  return (
    <g
      className="image-object-label"
      data-image-label={label.name}
      data-placement={label.placement}
      data-emphasis={emphasis}
      style={{ '--box-color': color } as CSSProperties}
    >
      {label.leader && (
        <line
          className="image-leader"
          x1={label.leader.from[0]}
          y1={label.leader.from[1]}
          x2={label.leader.to[0]}
          y2={label.leader.to[1]}
        />
      )}
      {label.isVisible && (
        <>
          <rect
            className="image-label-bg"
            x={label.xPx}
            y={label.yPx}
            width={label.widthPx}
            height={LABEL_HEIGHT_PX}
            rx={3}
          />
          <text className="image-label" x={label.textX} y={label.textY}>
            {label.name}
          </text>
        </>
      )}
    </g>
  )
}

function RegionMark({ region, toView }: { region: RegionInput; toView: ToView }) {
  if ('box' in region) {
    return (
      <g className="image-region">
        <rect {...rectProps(region.box, toView)} />
        <LabelAt point={toView([region.box[0], region.box[3] + 18])} text={`✎ ${region.label}`} />
      </g>
    )
  }
  if ('point' in region) {
    // Region points name a whole pixel; its centre is at +0.5.
    const [x, y] = toView([region.point[0] + 0.5, region.point[1] + 0.5])
    return (
      <g className="image-region">
        <circle cx={x} cy={y} r={5} />
        <LabelAt point={[x + 4, y + 22]} text={`✎ ${region.label}`} />
      </g>
    )
  }
  return null
}

function MeasureLine({
  measurement,
  project,
}: {
  measurement: Measurement
  project: (point: readonly [number, number, number]) => [number, number] | null
}) {
  const from = project(measurement.fromInWorld)
  const to = project(measurement.toInWorld)
  if (!from || !to) return null
  const middle: Point2 = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]
  return (
    <g className="image-measure">
      <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} />
      <circle cx={from[0]} cy={from[1]} r={4} />
      <circle cx={to[0]} cy={to[1]} r={4} />
      <text className="image-measure-label" x={middle[0] + 8} y={middle[1] - 8}>
        {measurement.label}
      </text>
    </g>
  )
}
