import type { SpatialClient } from '../client/SpatialClient'
import type { AppModel } from '../state/useAppModel'
import { LiveView } from './LiveView'
import { SceneStatus } from './SceneStatus'
import { SourceBar } from './SourceBar'
import { SourceTimeline } from './SourceTimeline'
import { ViewWorkspace } from './ViewWorkspace'

/** The left of the page: the 3D / image views, the scene's status, the active source's bar. */
export function ViewerArea({ client, model }: { client: SpatialClient; model: AppModel }) {
  const { scene, sources, robot, loader, selection, settings } = model
  return (
    <div className="viewer-area">
      <ViewWorkspace
        client={client}
        scene={scene}
        answer={model.highlight}
        highlightedName={selection.hoveredName ?? selection.selectedName}
        selectedName={selection.selectedName}
        onHover={selection.setHoveredName}
        onRegionsChange={model.changeSceneRegions}
        onMeasure={model.onMeasure}
        live={sources.active === 'robot' ? robot.live : null}
      />
      {scene && <SceneStatus scene={scene} />}
      {sources.active === 'webcam' && sources.camera.status !== 'off' && (
        <LiveView camera={sources.camera} minScore={settings.minScore} />
      )}
      <SourceBar sources={sources} />
      {sources.active === 'robot' && <SourceTimeline robot={robot} />}
      {loader.loadingName && sources.active === 'frame' && (
        <div className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Analyzing {loader.loadingName}…
        </div>
      )}
    </div>
  )
}
