import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userMessage } from '../../../renderer/ui/user-message';

describe('userMessage', () => {
  it('gives the first problem of a refused input', () => {
    const result = z
      .object({ name: z.string().min(1, 'Le nom est obligatoire.') })
      .safeParse({ name: '' });
    expect(userMessage(result.error)).toBe('Le nom est obligatoire.');
  });

  it('says the disk is full, even when Dexie wraps the error', () => {
    const inner = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const wrapped = Object.assign(new Error('AbortError'), { name: 'AbortError', inner });
    expect(userMessage(wrapped)).toMatch(/^Disque plein : rien n’a été enregistré/);
  });

  it('keeps an error’s own French message', () => {
    expect(userMessage(new Error('Intervention déjà signée.'))).toBe('Intervention déjà signée.');
  });

  it('falls back to the screen’s sentence for anything without a message', () => {
    expect(userMessage(undefined, 'Photo non enregistrée.')).toBe('Photo non enregistrée.');
    expect(userMessage(new Error('  '))).toBe('Action impossible.');
  });
});
