import { useMemo, useState, type KeyboardEvent } from 'react'
import type { MeasurePick } from '../state/measurePicks'
import type { RegionInput } from '../../../main/contract/channels'
import type { Measurement } from '../../../main/contract/measureSchema'
import type { SpatialClient } from '../client/SpatialClient'
import { ImageView } from '../imageView/ImageView'
import type { LoadedScene } from '../state/useSceneLoader'
import { useMeasure } from '../state/useMeasure'
import { useShortcut } from '../state/useShortcut'
import type { MeasureMarks } from '../viewer/buildMeasureMarks'
import { MeasureBar } from './MeasureBar'
import { SceneViewer } from './SceneViewer'
import type { ShownAnswer } from '../viewer/SceneRenderer'
import type { LiveOverlay } from '../viewer/buildLiveOverlay'

export type ViewMode = '3d' | 'image' | 'split'

const VIEW_TABS: { mode: ViewMode; label: string; key: string }[] = [
  { mode: '3d', label: '3D', key: '1' },
  { mode: 'image', label: 'Image', key: '2' },
  { mode: 'split', label: 'Split', key: '3' },
]

export interface ViewWorkspaceProps {
  client: SpatialClient
  scene: LoadedScene | null
  answer: ShownAnswer | null
  highlightedName: string | null
  /** The object selected in the panel: its name keeps priority while another is hovered. */
  selectedName?: string | null
  onHover(name: string | null): void
  /** Re-analyses the frame with the user's regions changed by `update`. */
  onRegionsChange(update: (regions: RegionInput[]) => RegionInput[]): void
  /** Each completed click measurement. */
  onMeasure(measurement: Measurement): void
  /** A robot source's tracks, TF frames and fixed frame, drawn over its frames; null otherwise. */
  live?: LiveView3d | null
}

/** What a robot source adds to the 3D view; its frames keep the user's view once framed. */
export interface LiveView3d {
  overlay: LiveOverlay
  fixedFromWorld: number[] | null
}

/**
 * The view area: the 3D view and the image view as tabs or side by side (keys 1, 2, 3), and
 * Measure mode (toolbar button or M; Esc leaves) with its picks drawn in both views.
 */
export function ViewWorkspace(props: ViewWorkspaceProps) {
  const { client, scene, answer, highlightedName, onHover, onRegionsChange, onMeasure } = props
  const selectedName = props.selectedName ?? null
  const [mode, setMode] = useState<ViewMode>('3d')
  const sceneId = scene?.result.summary.sceneId ?? null
  const measure = useMeasure(client, sceneId, onMeasure)
  useViewShortcuts(setMode, scene ? measure.toggle : null, measure.isActive ? measure.leave : null)
  const { picks, measurement } = measure
  const answerNames = useMemo(() => answerNamesOf(answer), [answer])
  const marks = useMemo(
    () => (measure.isActive ? measureMarksOf(picks, measurement) : null),
    [measure.isActive, picks, measurement],
  )

  return (
    <div className="view-workspace">
      <div className="view-toolbar">
        <ViewTabs mode={mode} onMode={setMode} />
        <MeasureToggle isActive={measure.isActive} disabled={!scene} onToggle={measure.toggle} />
        {measure.isActive && <MeasureBar measure={measure} />}
      </div>
      <div id="view-panes" className="view-panes" data-mode={mode} role="tabpanel">
        <div className="view-pane view-pane-3d">
          <SceneViewer
            scene={scene?.result ?? null}
            answer={answer}
            highlightedName={highlightedName}
            selectedName={selectedName}
            measureMarks={marks}
            overlay={props.live?.overlay ?? null}
            fixedFromWorld={props.live?.fixedFromWorld ?? null}
            keepsView={!!props.live}
            onPick={
              measure.isActive
                ? (pick) => measure.pickInScene(pick ?? { objectName: null, pointInWorld: null })
                : undefined
            }
          />
        </div>
        {mode !== '3d' && scene && (
          <div className="view-pane view-pane-image">
            <ImageView
              scene={scene.result}
              highlightedName={highlightedName}
              selectedName={selectedName}
              answerNames={answerNames}
              onHover={onHover}
              regions={scene.regions}
              onAddRegion={(region) => onRegionsChange((regions) => [...regions, region])}
              isMeasuring={measure.isActive}
              picks={picks}
              measurement={measurement}
              onMeasurePick={measure.pickInImage}
            />
          </div>
        )}
      </div>
    </div>
  )
}

/** The objects an answer or a verdict is about (its objects and its highlight), for the image view. */
function answerNamesOf(answer: ShownAnswer | null): string[] {
  if (!answer) return []
  const names = new Set(answer.objects.map((object) => object.name))
  if (answer.geometry?.kind === 'highlight')
    for (const name of answer.geometry.names) names.add(name)
  return [...names]
}

/** Keys 1, 2, 3 pick the view; M toggles Measure mode (with a scene), Esc leaves it. */
function useViewShortcuts(
  setMode: (mode: ViewMode) => void,
  toggleMeasure: (() => void) | null,
  leaveMeasure: (() => void) | null,
): void {
  useShortcut('view-3d', () => setMode('3d'))
  useShortcut('view-image', () => setMode('image'))
  useShortcut('view-split', () => setMode('split'))
  useShortcut('measure', toggleMeasure)
  useShortcut('close', leaveMeasure)
}

/** The 3D / Image / Split tabs; arrow keys move between them. */
function ViewTabs(props: { mode: ViewMode; onMode(mode: ViewMode): void }) {
  const { mode } = props
  const onTabKey = (event: KeyboardEvent) => {
    const index = VIEW_TABS.findIndex((tab) => tab.mode === mode)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const next = VIEW_TABS[(index + step + VIEW_TABS.length) % VIEW_TABS.length]
    props.onMode(next.mode)
    document.getElementById(`view-tab-${next.mode}`)?.focus()
  }
  return (
    <div className="view-tabs" role="tablist" aria-label="View" onKeyDown={onTabKey}>
      {VIEW_TABS.map((tab) => (
        <button
          key={tab.mode}
          id={`view-tab-${tab.mode}`}
          type="button"
          role="tab"
          aria-selected={mode === tab.mode}
          aria-controls="view-panes"
          tabIndex={mode === tab.mode ? 0 : -1}
          title={`${tab.label} (${tab.key})`}
          onClick={() => props.onMode(tab.mode)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}

function MeasureToggle(props: { isActive: boolean; disabled: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      className="button measure-toggle"
      aria-pressed={props.isActive}
      disabled={props.disabled}
      onClick={props.onToggle}
      title="Measure between two objects or points (M; Esc leaves)"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path
          d="M1.5 11.5l10-10 3 3-10 10zM4.5 8.5l1.5 1.5M6.5 6.5l1.5 1.5M8.5 4.5l1.5 1.5"
          stroke="currentColor"
          strokeWidth="1.3"
          fill="none"
        />
      </svg>
      Measure
    </button>
  )
}

/** The measure picks and the measured segment, drawn in the 3D view. */
function measureMarksOf(picks: MeasurePick[], measurement: Measurement | null): MeasureMarks {
  return {
    points: picks.flatMap((pick) => (pick.kind === 'point' ? [pick.pointInWorld] : [])),
    objectNames: picks.flatMap((pick) => (pick.kind === 'object' ? [pick.name] : [])),
    segment: measurement
      ? { ...measurement, lengthM: measurement.valueM, label: measurement.label }
      : null,
  }
}
