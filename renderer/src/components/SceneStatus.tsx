import type { LoadedScene } from '../state/useSceneLoader'
import { formatCount } from '../format'
import { perceptionChips } from '../perceptionText'

/**
 * Where the scene came from and how trustworthy it is, over the 3D view's corner: source, points,
 * depth source, the detector that ran (model · provider · time), the frame, and any notes.
 */
export function SceneStatus({ scene }: { scene: LoadedScene }) {
  const { summary, cloud } = scene.result
  const { provenance } = summary
  return (
    <div className="scene-status" aria-label="Scene information">
      <span className="status-source">{scene.sourceName}</span>
      <span>{formatCount(cloud.positionsInWorld.length / 3)} points</span>
      <span>{summary.objects.length} objects</span>
      {perceptionChips(summary, scene.perception).map((chip) => (
        <span
          key={chip.key}
          className={chip.isWarning ? 'status-warning' : undefined}
          title={chip.title}
          data-status={chip.isWarning ? 'note' : chip.key}
        >
          {chip.text}
        </span>
      ))}
      <span className={provenance.frameKind === 'support-plane' ? '' : 'status-warning'}>
        {provenance.frameKind === 'support-plane'
          ? 'gravity-aligned (support plane)'
          : 'camera frame: no support plane'}
      </span>
      <span>grid 10 cm</span>
      <span>{Math.round(summary.totalMs)} ms</span>
      {summary.warnings.map((warning) => (
        <span key={warning} className="status-warning">
          {warning}
        </span>
      ))}
    </div>
  )
}
