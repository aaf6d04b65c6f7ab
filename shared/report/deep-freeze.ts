/**
 * Freezes a plain data tree in place, so an accidental assignment to a sealed report throws
 * (in strict mode) instead of silently diverging from its seal.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
