/**
 * ROS 2 message definitions for bags that do not carry their own: rosbag2 before Iron stored no
 * `message_definitions` table, so CDR payloads of common types (sensor_msgs, geometry_msgs, tf2_msgs, std_msgs …)
 * are decoded with the definitions Foxglove ships in @foxglove/rosmsg-msgs-common, written back as ros2msg text (the
 * form MCAP schemas use) so one decoder path serves both.
 */
import { stringify } from '@foxglove/rosmsg'
import { ros2humble } from '@foxglove/rosmsg-msgs-common'
import type { MessageDefinition } from '@foxglove/message-definition'

type Library = Record<string, MessageDefinition>

/** `pkg/msg/Type` → `pkg/Type`, the key form of the common library. */
function libraryKey(type: string): string {
  return type.replace('/msg/', '/')
}

/** ros2msg text of `type` with its dependencies, or undefined when the type is not a common one. */
export function commonDefinitionText(
  type: string,
  library: Library = ros2humble,
): string | undefined {
  const root = library[libraryKey(type)]
  if (!root) return undefined
  const seen = new Map<string, MessageDefinition>()
  const visit = (name: string) => {
    const definition = library[name]
    if (!definition || seen.has(name)) return
    seen.set(name, definition)
    for (const field of definition.definitions) if (field.isComplex) visit(field.type)
  }
  visit(libraryKey(type))
  // The root is written without a name line; dependencies follow as "MSG: pkg/Type" sections.
  return stringify([{ definitions: root.definitions }, ...[...seen.values()].slice(1)])
}
