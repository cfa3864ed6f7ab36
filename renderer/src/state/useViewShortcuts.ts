import { useEffect, useEffectEvent } from 'react'

/** Global keys of the view area (ignored while typing in a field or with Ctrl/Alt/Meta held). */
export interface ViewShortcuts {
  /** Keys to actions, e.g. { m: toggleMeasure, Escape: leaveMeasure }; keys are KeyboardEvent.key. */
  [key: string]: (() => void) | undefined
}

/** Listens on the window for the view's one-key shortcuts; each handled key's default is prevented. */
export function useViewShortcuts(shortcuts: ViewShortcuts): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    if (isTypingTarget(event.target)) return
    const action = shortcuts[event.key.length === 1 ? event.key.toLowerCase() : event.key]
    if (!action) return
    event.preventDefault()
    action()
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false
  const element = target as HTMLElement
  return (
    element.isContentEditable ||
    element.tagName === 'INPUT' ||
    element.tagName === 'TEXTAREA' ||
    element.tagName === 'SELECT'
  )
}
