import { useEffect, useRef, useState, type ReactNode } from 'react'
import { SceneRenderer } from '../viewer/SceneRenderer'
import type { DatasetSceneView as SceneView } from '../sources/datasetScene'

/**
 * The Dataset panel's 3D view of one sample: the app's viewer pieces (boxes with labels, support-plane grid, camera
 * frustum, the object points when the dataset has them) on a renderer of its own, with the question's objects
 * highlighted and the engine's drawing for the question. `fallback` is shown where WebGL does not start.
 */
export function DatasetSceneView({ view, fallback }: { view: SceneView; fallback: ReactNode }) {
  const containerRef = useRef<HTMLDivElement>(null)
  const rendererRef = useRef<SceneRenderer | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    try {
      rendererRef.current = new SceneRenderer(container, '__spatialLensDatasetDebug')
    } catch (error) {
      setFailure((error as Error).message)
      return
    }
    return () => {
      rendererRef.current?.dispose()
      rendererRef.current = null
    }
  }, [])

  useEffect(() => {
    rendererRef.current?.setScene(view.scene)
    rendererRef.current?.setAnswer(view.answer)
  }, [view])

  if (failure) return <>{fallback}</>
  return (
    <section className="dataset-viewer" aria-label="Sample scene in 3D">
      <div className="dataset-viewer-stage" ref={containerRef} />
      <button
        type="button"
        className="viewer-reset"
        onClick={() => rendererRef.current?.frameView()}
        title="Frame the scene"
      >
        Reset view
      </button>
    </section>
  )
}
