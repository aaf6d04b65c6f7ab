// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAfterPaint } from '../../../renderer/platform/after-paint';

/** One frame and the task after it. */
const nextPaint = () =>
  act(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 5))));

describe('useAfterPaint', () => {
  it('stays false until its content is ready, then turns true a frame later, for good', async () => {
    const { result, rerender } = renderHook(({ ready }) => useAfterPaint(ready), {
      initialProps: { ready: false },
    });
    await nextPaint();
    expect(result.current).toBe(false);

    rerender({ ready: true });
    // In the commit that shows the content: not yet.
    expect(result.current).toBe(false);
    await nextPaint();
    expect(result.current).toBe(true);

    rerender({ ready: false });
    expect(result.current).toBe(true);
  });
});
