import { describe, expect, it } from 'vitest';
import { blobReferences } from '../../../shared/sync/blob-references';
import {
  BLOB_REFERENCE_PATHS,
  ENTITY_DATA_SCHEMAS,
  GLOBAL_ENTITIES,
  OFFICE_ONLY_ENTITIES,
  SERVER_CREATED_ENTITIES,
  recordClientId,
} from '../../../shared/sync/entities';
import {
  SYNCED_ENTITIES,
  findEntityDeclaration,
  wireEntityOf,
} from '../../../shared/sync/entity-registry';
import { ENTITY_NAMES } from '../../../shared/sync/mutation';
import { reportFromWire, reportToWire } from '../../../shared/sync/report-wire';
import { sealedReport, plain } from '../../server/report-fixture';

describe('the registry of synced entities', () => {
  it('declares every wire entity once, each in a table of its own', () => {
    expect(Object.keys(SYNCED_ENTITIES).sort()).toEqual([...ENTITY_NAMES].sort());
    const tables = ENTITY_NAMES.map((e) => SYNCED_ENTITIES[e].table);
    expect(new Set(tables).size).toBe(tables.length);
    for (const e of ENTITY_NAMES) {
      expect(SYNCED_ENTITIES[e].indexes.split(',')[0]!.trim()).toBe('id');
    }
  });

  it('maps the names in code to the stored and wire names', () => {
    expect(wireEntityOf('visit')).toBe('interventions');
    expect(SYNCED_ENTITIES.interventions.table).toBe('interventions');
    expect(wireEntityOf('syncConflict')).toBe('syncConflicts');
    expect(SYNCED_ENTITIES.syncConflicts.table).toBe('conflicts');
    expect(findEntityDeclaration('requests-from-a-newer-server')).toBeUndefined();
    expect(findEntityDeclaration('toString')).toBeUndefined();
  });

  it('derives the server’s rule sets from the declarations', () => {
    expect(Object.keys(ENTITY_DATA_SCHEMAS).sort()).toEqual([...ENTITY_NAMES].sort());
    expect([...GLOBAL_ENTITIES]).toEqual(['catalogueItems']);
    expect([...OFFICE_ONLY_ENTITIES].sort()).toEqual(['catalogueItems', 'clients', 'contracts']);
    expect([...SERVER_CREATED_ENTITIES]).toEqual(['syncConflicts']);
    expect(Object.keys(BLOB_REFERENCE_PATHS).sort()).toEqual([
      'attachments',
      'interventions',
      'reports',
    ]);
    const clientId = '0190a0a0-0000-7000-8000-00000000000c';
    expect(recordClientId('clients', clientId, {})).toBe(clientId);
    expect(recordClientId('catalogueItems', clientId, { clientId })).toBeNull();
    expect(recordClientId('sites', 'x', { clientId })).toBe(clientId);
    expect(recordClientId('sites', 'x', { clientId: 'pas-un-uuid' })).toBeUndefined();
  });

  it('finds blobs in the declared fields only', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(
      blobReferences('interventions', {
        photos: [{ attachmentId: a }, { attachmentId: 'court' }],
        header: { request: b },
      }),
    ).toEqual([a]);
    expect(blobReferences('reports', { content: { photos: [{ sha256: b }] }, notes: a })).toEqual([
      b,
    ]);
    expect(blobReferences('sites', { accessNotes: a })).toEqual([]);
  });

  it('moves a sealed bordereau between its local and wire shapes without touching it', async () => {
    const id = '0190a0a0-0000-7000-8000-0000000000a1';
    const sealed = plain(await sealedReport(id));
    const local = {
      clientId: '0190a0a0-0000-7000-8000-00000000000c',
      number: sealed.content.number,
      status: 'sealed',
      sealedAt: sealed.seal.sealedAt,
      report: sealed,
    };
    const wire = reportToWire(local);
    expect(wire).toEqual({
      clientId: local.clientId,
      number: local.number,
      sealedAt: local.sealedAt,
      status: 'sealed',
      content: sealed.content,
      seal: sealed.seal,
    });
    expect(SYNCED_ENTITIES.reports.schema.safeParse(wire).success).toBe(true);
    expect(reportFromWire(wire)).toEqual(local);
    // A change that does not carry the report (e.g. a list field alone) passes unchanged.
    expect(reportToWire({ sealedAt: 5 })).toEqual({ sealedAt: 5 });
  });
});
