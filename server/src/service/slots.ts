/**
 * Values cached on the object they belong to (a model, a container), in a non-enumerable
 * symbol property, instead of in a WeakMap keyed by it. V8's young-generation collector keeps
 * the entries of a WeakMap alive, so caching per-document results in WeakMaps made every
 * document of a large file survive into the old generation until a full collection: the
 * 2,000-pod CLI run spent about 110 ms more in garbage collection that way. The property is
 * not enumerable, so spreading or serialising the object never copies it.
 */
export function slotOf<V>(owner: object, slot: symbol): V | undefined {
  return (owner as Record<symbol, V | undefined>)[slot];
}

export function setSlot<V>(owner: object, slot: symbol, value: V): V {
  Object.defineProperty(owner, slot, { value, writable: true, configurable: true, enumerable: false });
  return value;
}
