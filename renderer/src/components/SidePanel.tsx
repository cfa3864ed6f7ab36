import type { AppModel } from '../state/useAppModel'
import { AskBox } from './AskBox'
import { DatasetPanel } from './DatasetPanel'
import { MeasurementsPanel } from './MeasurementsPanel'
import { ObjectPanel } from './ObjectPanel'
import { PinnedPanel } from './PinnedPanel'
import { RegionList } from './RegionList'

/** The right of the page: objects, regions, pinned questions, the Ask box, measurements, datasets. */
export function SidePanel({ model }: { model: AppModel }) {
  const { scene, sceneId, selection, pinned, robot, sources, loader } = model
  const objects = scene?.result.summary.objects ?? []
  return (
    <aside className="side-panel">
      {scene ? (
        <ObjectPanel
          objects={objects}
          perception={scene.result.summary.perception}
          selectedName={selection.selectedName}
          hoveredName={selection.hoveredName}
          onHover={selection.setHoveredName}
          onSelect={selection.select}
        />
      ) : (
        <section className="panel-section">
          <p className="empty">
            {loader.loadingName
              ? 'Loading the scene…'
              : 'No scene loaded. Load the sample or open a frame.'}
          </p>
        </section>
      )}
      {scene && (
        <RegionList
          regions={scene.regions}
          onRemove={(region) =>
            model.changeSceneRegions((regions) => regions.filter((r) => r !== region))
          }
        />
      )}
      <PinnedPanel
        pinned={pinned}
        sceneId={sceneId}
        watches={sources.active === 'robot' && robot.choice ? (robot.shown?.watches ?? []) : null}
        refusedWatches={robot.refusedWatches}
      />
      <AskBox
        objectNames={objects.map((object) => object.name)}
        asker={model.asker}
        verifier={model.verifier}
        shown={model.askShown}
        onShownChange={model.setAskShown}
        isEnabled={sceneId !== null}
        isPinned={pinned.isPinned}
        onTogglePin={pinned.toggle}
      />
      <MeasurementsPanel log={model.measurements} />
      <DatasetPanel />
    </aside>
  )
}
