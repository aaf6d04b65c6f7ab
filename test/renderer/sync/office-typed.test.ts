import { describe, expect, it } from 'vitest';
import { OFFICE_TYPED_ENTITIES } from '../../../renderer/sync/office-typed';

describe('entities only the office types', () => {
  it('are contracts and the catalogue: a client company may be created on site', () => {
    expect([...OFFICE_TYPED_ENTITIES].sort()).toEqual(['catalogueItems', 'contracts']);
  });
});
