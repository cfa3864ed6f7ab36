import { useEffect } from 'react'
import { useLatest } from './useLatest'
import type { ShortcutId } from './shortcuts'

type Action = () => void

/** Bound actions by shortcut id; one page has one registry (the key listener reads it). */
const bindings = new Map<ShortcutId, Set<Action>>()

/**
 * Binds a shortcut of the list (state/shortcuts.ts) to an action while this component is mounted;
 * pass null while the action is unavailable. The latest action runs (no re-binding per render).
 */
export function useShortcut(id: ShortcutId, action: Action | null): void {
  const latest = useLatest(action)
  const isAvailable = action !== null
  useEffect(() => {
    if (!isAvailable) return
    const run = () => latest.current?.()
    const actions = bindings.get(id) ?? new Set<Action>()
    actions.add(run)
    bindings.set(id, actions)
    return () => {
      actions.delete(run)
    }
  }, [id, isAvailable, latest])
}

/** Runs every action bound to a shortcut; false when none is (the key is then left alone). */
export function runShortcut(id: ShortcutId): boolean {
  const actions = [...(bindings.get(id) ?? [])]
  for (const action of actions) action()
  return actions.length > 0
}

/** Shortcuts that do something right now (the help overlay dims the others). */
export function isShortcutBound(id: ShortcutId): boolean {
  return (bindings.get(id)?.size ?? 0) > 0
}
