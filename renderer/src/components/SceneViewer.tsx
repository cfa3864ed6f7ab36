import { useEffect, useRef, useState } from 'react'
import type { SceneResult } from '../../../main/contract/channels'
import type { AnswerJson } from '../../../main/contract/answerSchema'
import { SceneRenderer } from '../viewer/SceneRenderer'
import { useShortcut } from '../state/useShortcut'

export interface SceneViewerProps {
  scene: SceneResult | null
  answer: AnswerJson | null
  /** Object to emphasise (hovered or selected in the panel). */
  highlightedName: string | null
}

/** The 3D view: a React shell around {@link SceneRenderer}, which it creates on mount and disposes on unmount. */
export function SceneViewer({ scene, answer, highlightedName }: SceneViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null)
  const rendererRef = useRef<SceneRenderer | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    try {
      rendererRef.current = new SceneRenderer(container)
    } catch (error) {
      setFailure((error as Error).message)
      return
    }
    return () => {
      rendererRef.current?.dispose()
      rendererRef.current = null
    }
  }, [])

  useShortcut('reset-view', failure ? null : () => rendererRef.current?.frameView())

  useEffect(() => rendererRef.current?.setScene(scene), [scene])
  useEffect(() => rendererRef.current?.setAnswer(answer), [answer, scene])
  useEffect(() => rendererRef.current?.setHoveredObject(highlightedName), [highlightedName, scene])

  return (
    <section className="viewer" aria-label="3D view">
      <div className="viewer-stage" ref={containerRef} />
      {failure ? (
        <div className="viewer-failure" role="alert">
          <strong>The 3D view could not start.</strong>
          <span>
            WebGL is unavailable here ({failure}). Enable hardware acceleration in the browser, or
            use the object list and the Ask box.
          </span>
        </div>
      ) : (
        <button
          type="button"
          className="viewer-reset"
          onClick={() => rendererRef.current?.frameView()}
          title="Frame the whole cloud (R)"
        >
          Reset view
        </button>
      )}
    </section>
  )
}
