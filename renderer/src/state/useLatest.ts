import { useEffect, useRef, type RefObject } from 'react'

/**
 * A ref holding the value of the latest committed render, for loops and callbacks that outlive the
 * render they were made in (a capture loop, a frame pump) and must not restart when it changes.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  })
  return ref
}
