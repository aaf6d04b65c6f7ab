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
import { reportOf, reportRecordSchema } from '../../../shared/sync/report-record';
import {
  reportFromWire,
  reportRecordFromLegacy,
  reportToWire,
} from '../../../shared/sync/report-wire';
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

  it('keeps a bordereau in one shape on the laptop and the wire, reading the shape before v6', async () => {
    const id = '0190a0a0-0000-7000-8000-0000000000a1';
    const sealed = plain(await sealedReport(id));
    const links = {
      clientId: '0190a0a0-0000-7000-8000-00000000000c',
      interventionId: '0190a0a0-0000-7000-8000-0000000000b1',
    };
    const record = { ...links, ...sealed };
    // The one shape travels as it is, and the server's check accepts it.
    expect(reportToWire(record)).toBe(record);
    expect(reportFromWire(record)).toEqual(record);
    expect(SYNCED_ENTITIES.reports.schema.safeParse(record).success).toBe(true);
    expect(reportRecordSchema.safeParse(record).success).toBe(true);

    // Before v6 the laptop nested the report beside copies of its number, status, seal time.
    const legacy = {
      ...links,
      number: sealed.content.number,
      status: 'sealed',
      sealedAt: sealed.seal.sealedAt,
      report: sealed,
    };
    // A push of such a change lifts the parts (the copies travel; the server reads the content).
    expect(reportToWire(legacy)).toEqual({
      ...record,
      number: sealed.content.number,
      sealedAt: sealed.seal.sealedAt,
    });
    expect(SYNCED_ENTITIES.reports.schema.safeParse(reportToWire(legacy)).success).toBe(true);
    // Stored rows, backups and pulls come back in the one shape, the parts the same objects.
    const migrated = reportRecordFromLegacy(legacy);
    expect(migrated).toEqual(record);
    expect(migrated['content']).toBe(sealed.content);
    expect(reportFromWire(reportToWire(legacy))).toEqual(record);
    // A change that does not carry the report passes unchanged on the way out.
    expect(reportToWire({ sealedAt: 5 })).toEqual({ sealedAt: 5 });
    // The one shape has both links and no copy of what the report holds.
    expect(reportRecordSchema.safeParse({ ...sealed, clientId: links.clientId }).success).toBe(
      false,
    );
    expect(reportOf(record)).toEqual(sealed);
  });
});
