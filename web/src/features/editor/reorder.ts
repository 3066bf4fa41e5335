// Page order for POST pages/reorder: order[i] is the number of the page that goes to the i-th movable slot.

/** The order after dragging page <dragged> onto the place of page <target> (it takes that place; the others make room). */
export function dropOrder(slots: number[], dragged: number, target: number): number[] | null {
  const from = slots.indexOf(dragged)
  const to = slots.indexOf(target)
  if (from < 0 || to < 0 || from === to) return null
  const order = slots.filter((n) => n !== dragged)
  order.splice(to, 0, dragged)
  return order
}

/** The order that puts every page back where it was before <order> was applied to these slots. */
export function undoOrder(slots: number[], order: number[]): number[] {
  // The page that was at slots[j] is now at slots[order.indexOf(slots[j])].
  return slots.map((n) => slots[order.indexOf(n)])
}
